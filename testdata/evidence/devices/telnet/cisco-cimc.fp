# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Cisco UCS CIMC telnetd | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,40,"CIMC\x20Debug\x20Firmware\x20Utility\x20Shell\nfake-ucs-de
SF:vice-3-1-p\x20login:\x20\n");
