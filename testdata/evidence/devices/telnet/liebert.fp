# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Liebert UPS telnetd | | RTCS 2.90.00
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,5A,"Precise/RTCS\x20v2\.90\.00\x20Telnet\x20server\n\n\nServic
SF:e\x20Port\x20Manager\x20Active\n\n<Esc>\x20Ends\x20Session\n\n\xae\x8a-
SF:");
