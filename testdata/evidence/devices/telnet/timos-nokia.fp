# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Nokia TiMOS telnetd | C-14.0.R5 | 7750 SR
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,72,"TiMOS-C-14\.0\.R5\x20cpm/hops64\x20Nokia\x207750\x20SR\x20
SF:Copyright\x20\(c\)\x202000-2016\x20Nokia\.\r\r\nBanner\x20Shortened\x20
SF:For\x20\r\r\nBrevity\r\nLogin:\n");
