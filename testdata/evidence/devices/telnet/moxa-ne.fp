# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Moxa NE device server telnetd | 4.1 Build 07061517 | NE-4110S
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,A5,"Model\x20name\x20\x20\x20\x20\x20\x20\x20:\x20NE-4110S\r\0
SF:\nMAC\x20address\x20\x20\x20\x20\x20\x20:\x2000:90:E8:AA:AA:AA\r\0\nSer
SF:ial\x20No\x20\x20\x20\x20\x20\x20\x20\x20:\x203616\r\0\nFirmware\x20ver
SF:sion\x20:\x204\.1\x20Build\x2007061517\r\0\n\r\0\nPlease\x20keyin\x20yo
SF:ur\x20password:");
