# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | SMA Sunny WebBox telnetd | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,46,"Welcome\x20to\x20the\x20Windows\x20CE\x20Telnet\x20Service
SF:\x20on\x20WEBBOX150000000\r\n\r\nlogin:\n");
