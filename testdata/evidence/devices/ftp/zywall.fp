# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | ZyXEL ZyWALL ftpd | | USG100-PLUS
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,3C,"220\x20FTP\x20Server\x20\(ZyWALL\x20USG100-PLUS\)\x20\[::f
SF:fff:192\.168\.5\.101\]\r\n");
