# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | RDK cable modem telnetd | 2.0 |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,50,"RDK\x20\(A\x20Yocto\x20Project\x20based\x20Distro\)\x202\.
SF:0\x20Docsis-Gateway\r\n\r\r\n\rDocsis-Gateway\x20login:");
