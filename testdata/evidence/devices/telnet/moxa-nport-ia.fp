# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Moxa NPort telnetd | 1.6 Build 17060616 | NPort IA-5250
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,D3,"Model\x20name\x20\x20\x20\x20\x20\x20\x20:\x20NPort\x20IA-
SF:5250\r\0\nMAC\x20address\x20\x20\x20\x20\x20\x20:\x2000:90:E8:AA:AA:AA\
SF:r\0\nSerial\x20No\.\x20\x20\x20\x20\x20\x20\x20:\x20281\r\0\nFirmware\x
SF:20version\x20:\x201\.6\x20Build\x2017060616\r\0\nSystem\x20uptime\x20\x
SF:20\x20\x20:\x2031\x20days,\x2006h:03m:45s\r\0\n\r\0\nPlease\x20keyin\x2
SF:0your\x20password:");
