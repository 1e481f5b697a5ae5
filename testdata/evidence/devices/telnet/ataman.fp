# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Ataman telnetd | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,6A,"This\x20copy\x20of\x20the\x20Ataman\x20TCP\x20Remote\x20Lo
SF:gon\x20Services\x20is\x20registered\x20as\x20licensed\x20to:\n\tECI2/DD
SF:MS\n\nAccount\x20Name:\x20");
