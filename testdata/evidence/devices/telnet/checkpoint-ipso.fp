# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Check Point IPSO telnetd | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,58,"IPSO/i386\x20\(BJ-IDC-FW2\)\x20\(ttyp7\)\n\n\n\nThis\x20sy
SF:stem\x20is\x20for\x20authorized\x20use\x20only\.\n\n\n\n\n\n\n\nlogin:\
SF:x20");
