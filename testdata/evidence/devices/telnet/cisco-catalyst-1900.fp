# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Cisco Catalyst 1900 telnetd | | WS-C1924-EN
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,153,"Catalyst\x201900\x20Management\x20Console\r\nCopyright\x2
SF:0\(c\)\x20Cisco\x20Systems,\x20Inc\.\x20\x201993-1998\r\nAll\x20rights\
SF:x20reserved\.\r\nEnterprise\x20Edition\x20Software\r\nEthernet\x20Addre
SF:ss:\x20\x20\x20\x20\x20\x2000-AA-19-38-AA-00\r\n\r\nPCA\x20Number:\x20\
SF:x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x2073-31AA-AA\r\nPCA\x20Serial\
SF:x20Number:\x20\x20\x20\x20\x20FAB033AAAAA\r\nModel\x20Number:\x20\x20\x
SF:20\x20\x20\x20\x20\x20\x20\x20WS-C1924-EN\r\nSystem\x20Serial\x20Number
SF::\x20\x20FAB0341AAAA\r\nPower\x20Supply\x20S/N:\x20\x20\x20\n");
