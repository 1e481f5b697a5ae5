# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Keenetic router telnetd | 3.04.C.6.0-0 |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,51,"KeeneticOS\x20version\x203\.04\.C\.6\.0-0,\x20copyright\x2
SF:0\(c\)\x202010-2020\x20Keenetic\x20Ltd\.\r\n\r\nLogin:\n");
