# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Grandstream HandyTone telnetd | | HT812
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,3F,"Grandstream\x20HT812\x20Command\x20Shell\x20Copyright\x202
SF:006-2017\r\nPassword:\n");
