# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Moxa NPort 6000 telnetd | | NP6610-32
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,44,"NPort\x20NP6610-32\r\0\nConsole\x20terminal\x20type\x20\(1
SF::\x20ansi/vt100,\x202:\x20vt52\)\x20:\x201");
