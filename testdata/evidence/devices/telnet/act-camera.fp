# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | ACT Video security camera telnetd | | stack V5.8
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,60,"UDP/TCP/IP\x20Stack:\x20ACT\x20Video\x20security\r\nV5\.8\
SF:r\nWelcome\x20connection\x20:\x20192\.168\.0\.1:61300\r\n\r\nPassword:\
SF:x20");
