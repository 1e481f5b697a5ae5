# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Konica Minolta printer ftpd | 1.00 |
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,37,"220\x20KM23BC97\x20FTP\x20server\x20\(KM\x20FTPD\x20versio
SF:n\x201\.00\)\x20ready\.\r\n");
