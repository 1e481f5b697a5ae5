# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Microsoft Windows telnetd | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,2F,"Welcome\x20to\x20Microsoft\x20Telnet\x20Service\x20\r\n\n\
SF:rlogin:\n");
