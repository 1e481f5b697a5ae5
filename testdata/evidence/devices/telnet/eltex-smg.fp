# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Eltex SMG telnetd | | SMG1016M
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,A9,"\r\r\n\r\n\r\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*
SF:\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\r\n\r\*\x20\x20\x20\x20\x20\
SF:x20\x20\x20\x20\x20\x20\x20Welcome\x20to\x20SMG1016M\x20\x20\x20\x20\x2
SF:0\x20\x20\x20\x20\x20\x20\*\r\n\r\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*
SF:\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\*\r\n\r\r\n\rfoo\.bar\
SF:.baz\x20login:\x20");
