# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | HP-UX telnetd | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,2C,"HP-UX\x20ctout\x20B\.11\.11\x20U\x209000/800\x20\(tc\)\n\n
SF:login:\x20");
