# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Huawei Home Gateway telnetd | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,5B,"Welcome\x20Visiting\x20Huawei\x20Home\x20Gateway\r\nCopyri
SF:ght\x20by\x20Huawei\x20Technologies\x20Co\.,\x20Ltd\.\r\n\r\nLogin:\n");
