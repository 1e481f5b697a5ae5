# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Xerox wide format printer ftpd | | 6204
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,2D,"220\x20XEROX\x206204\x20Wide\x20Format\x20FTP\x20server\x2
SF:0ready\r\n");
