# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | SATO printer ftpd | A1.2.3 |
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,2E,"220\x20SATO\x20SATO\x20PRINTER\x20Ver\x20A1\.2\.3\x20FTP\x
SF:20server\.\r\n");
