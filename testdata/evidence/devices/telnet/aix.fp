# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | IBM AIX telnetd | | AIX Version 6
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,3D,"AIX\x20Version\x206\nCopyright\x20IBM\x20Corporation,\x201
SF:982,\x202007\.\nlogin:\x20\n");
