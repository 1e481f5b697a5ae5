# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Oce printer ftpd | 01.04.00.0c | im4512
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,2C,"220\x20Oce\x20im4512\x20Ver\x2001\.04\.00\.0c\x20FTP\x20se
SF:rver\.\r\n");
