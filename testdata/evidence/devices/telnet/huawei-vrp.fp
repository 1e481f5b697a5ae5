# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Huawei VRP telnetd | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,77,"Warning:\x20Telnet\x20is\x20not\x20a\x20secure\x20protocol
SF:,\x20and\x20it\x20is\x20recommended\x20to\x20use\x20Stelnet\.\r\n\r\nLo
SF:gin\x20authentication\r\n\r\n\r\nUsername:\n");
