# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Imagistics printer telnetd | 01.00.20 | im3511/im4511
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,6B,"Imagistics\x20im3511/im4511\x20Ver\x2001\.00\.20\x20TELNET
SF:\x20server\.\nCopyright\(c\)\x202001-2005,\x20silex\x20technology,\x20I
SF:nc\.\nlogin:\x20");
