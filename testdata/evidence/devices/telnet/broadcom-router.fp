# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Broadcom BCM963xx router telnetd | | BCM963268
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,23,"BCM963268\x20Broadband\x20Router\r\nLogin:\n");
