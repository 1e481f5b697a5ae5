# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Moxa MGate telnetd | 1.2 Build 09101913 | MGate MB3180
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,D3,"Model\x20name\x20\x20\x20\x20\x20\x20\x20:\x20MGate\x20MB3
SF:180\r\0\nMAC\x20address\x20\x20\x20\x20\x20\x20:\x2000:90:E8:AA:AA:AA\r
SF:\0\nSerial\x20No\.\x20\x20\x20\x20\x20\x20\x20:\x209474\r\0\nFirmware\x
SF:20version\x20:\x201\.2\x20Build\x2009101913\r\0\nSystem\x20uptime\x20\x
SF:20\x20\x20:\x2015\x20days,\x2016h:37m:48s\r\0\n\r\0\nPlease\x20keyin\x2
SF:0your\x20password:");
