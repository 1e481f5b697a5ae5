# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | DD-WRT telnetd | v24-sp2 | mini build; release 05/27/13
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,69,"DD-WRT\x20v24-sp2\x20mini\x20\(c\)\x202013\x20NewMedia-NET
SF:\x20GmbH\r\nRelease:\x2005/27/13\x20\(SVN\x20revision:\x2021676\)\r\n\r
SF:\nDD-WRT\x20login:\n");
