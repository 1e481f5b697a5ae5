# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Gestetner printer ftpd | 11.77 | MP C4502
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,32,"220\x20Gestetner\x20MP\x20C4502\x20FTP\x20server\x20\(11\.
SF:77\)\x20ready\.\r\n");
