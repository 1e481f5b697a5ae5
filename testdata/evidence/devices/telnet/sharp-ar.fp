# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Sharp printer telnetd | 01.00.18 | AR-M351U
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,61,"SHARP\x20AR-M351U\x20Ver\x2001\.00\.18\x20TELNET\x20server
SF:\.\nCopyright\(c\)\x202001-2005,\x20silex\x20technology,\x20Inc\.\nlogi
SF:n:\x20");
