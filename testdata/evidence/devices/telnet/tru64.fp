# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Tru64 UNIX telnetd | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,43,"Compaq\x20Tru64\x20UNIX\x20V5\.1B\x20\(Rev\.\x202650\)\x20
SF:\(docalpha\)\x20\(pts/11\)\n\n\n\n\n\nlogin:");
