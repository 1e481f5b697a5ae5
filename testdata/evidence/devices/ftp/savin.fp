# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Savin printer ftpd | 4.08 | 4075
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,29,"220\x20SAVIN\x204075\x20FTP\x20server\x20\(4\.08\)\x20read
SF:y\.\r\n");
