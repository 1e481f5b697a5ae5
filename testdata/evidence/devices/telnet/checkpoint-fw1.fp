# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Check Point FireWall-1 telnet proxy | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,4E,"Check\x20Point\x20FireWall-1\x20authenticated\x20Telnet\x2
SF:0server\x20running\x20on\x20gaatdrf2\n\nUser:\x20");
