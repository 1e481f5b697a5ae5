# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Polycom VSX telnetd | 9.0.6.2-103 | VSX 6000A
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,E6,"Hi,\x20my\x20name\x20is\x20:\x20\x20\x20\x20\x20Something\
SF:x20Pity\r\nHere\x20is\x20what\x20I\x20know\x20about\x20myself:\r\nModel
SF::\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20VSX\x20600
SF:0A\r\nSerial\x20Number:\x20\x20\x20\x20\x20\x20\x2000070906FC34F6\r\nSo
SF:ftware\x20Version:\x20\x20\x20\x20Release\x209\.0\.6\.2-103\x20-\x2004S
SF:ep2011\x2021:27\r\nBuild\x20Information:\x20\x20\x20ecomman\n");
