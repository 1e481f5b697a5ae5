# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Moxa MiiNePort telnetd | 1.3.36 Build 15031615 | MiiNePort E2
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,DD,"Model\x20name\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20:\x20
SF:MiiNePort\x20E2\r\nSerial\x20No\.\x20\x20\x20\x20\x20\x20\x20\x20\x20\x
SF:20:\x209999\r\nDevice\x20name\x20\x20\x20\x20\x20\x20\x20\x20\x20:\x20M
SF:iiNePort_E2_4064\r\nFirmware\x20version\x20\x20\x20\x20:\x201\.3\.36\x2
SF:0Build\x2015031615\r\nEthernet\x20MAC\x20address:\x2000:90:E8:5A:92:FF\
SF:r\n\r\nPlease\x20keyin\x20your\x20password:\n");
