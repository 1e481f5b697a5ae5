# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Control Solutions i.CanDoIt telnetd | 2.47x | BAS-700
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,2E,"Welcome\x20to\x20i\.CanDoIt\x20BAS-700\x20ReMOTE\x20I/O\x2
SF:0v2\.47x");
