# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Alcatel-Lucent TiMOS telnetd | C-12.0.R12 | SR 7750
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,7E,"TiMOS-C-12\.0\.R12\x20cpm/hops64\x20ALCATEL\x20SR\x207750\
SF:x20Copyright\x20\(c\)\x202000-2015\x20Alcatel-Lucent\.\r\r\nBanner\x20S
SF:hortened\x20For\x20\r\r\nBrevity\r\nLogin:\n");
