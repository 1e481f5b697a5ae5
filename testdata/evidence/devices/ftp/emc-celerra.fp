# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | EMC Celerra ftpd | 5.6.50.203 |
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,33,"220\x20foo2\x20FTP\x20server\x20\(EMC-SNAS:\x205\.6\.50\.2
SF:03\)\x20ready\.\r\n");
