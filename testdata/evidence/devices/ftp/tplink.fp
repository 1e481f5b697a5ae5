# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | TP-LINK ftpd | 1.0 |
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,3F,"220\x20TP-LINK\x20FTP\x20version\x201\.0\x20ready\x20at\x2
SF:0Wed\x20May\x20\x201\x2020:51:49\x202019\r\n");
