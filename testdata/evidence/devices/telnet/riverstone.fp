# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Riverstone router telnetd | 9.3.0.4 | ES 10170
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,124,"---------------------------------------------------------
SF:-------------\nES\x2010170\x20System\x20Software,\x20Version\x209\.3\.0
SF:\.4\nRiverstone\x20Networks,\x20Inc\.,\x20Copyright\x20\(c\)\x202000-20
SF:03\.\x20All\x20rights\x20reserved\.\nSystem\x20started\x20on\x202018-09
SF:-06\x2015:58:30\n------------------------------------------------------
SF:-----------\.\.\.");
