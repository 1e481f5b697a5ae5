# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Moxa NPort telnetd | 2.2 Build 11090613 | NPort 5610-8-DT
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,D5,"Model\x20name\x20\x20\x20\x20\x20\x20\x20:\x20NPort\x20561
SF:0-8-DT\r\0\nMAC\x20address\x20\x20\x20\x20\x20\x20:\x2000:90:E8:AA:AA:A
SF:A\r\0\nSerial\x20No\.\x20\x20\x20\x20\x20\x20\x20:\x209522\r\0\nFirmwar
SF:e\x20version\x20:\x202\.2\x20Build\x2011090613\r\0\nSystem\x20uptime\x2
SF:0\x20\x20\x20:\x208\x20days,\x2002h:11m:44s\r\0\n\r\0\nPlease\x20keyin\
SF:x20your\x20password:");
