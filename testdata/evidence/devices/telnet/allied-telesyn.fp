# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Allied Telesyn router telnetd | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,38,"TELNET\x20session\x20now\x20in\x20ESTABLISHED\x20state\n\n
SF:GEO-003\x20login:\x20");
