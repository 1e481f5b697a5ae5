# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Moxa NPort telnetd | | NPort 5110A
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,3E,"Model\x20name\x20\x20\x20\x20\x20\x20\x20:\x20NPort\x20511
SF:0A\r\n\r\nPlease\x20keyin\x20your\x20username:\n");
