# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | APC Network Management Card ftpd | 3.3.4 | AP7932
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,41,"220\x20AP7932\x20Network\x20Management\x20Card\x20AOS\x20v
SF:3\.3\.4\x20FTP\x20server\x20ready\.\r\n");
