# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | DD-WRT telnetd | v3.0-r40559 | std build; release 08/06/19; board Linksys WRT3200ACM
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,71,"DD-WRT\x20v3\.0-r40559\x20std\x20\(c\)\x202019\x20NewMedia
SF:-NET\x20GmbH\r\nRelease:\x2008/06/19\r\nBoard:\x20Linksys\x20WRT3200ACM
SF:\r\n\r\nDD-WRT\x20login:\n");
