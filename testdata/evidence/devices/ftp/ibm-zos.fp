# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | IBM z/OS ftpd | V1R4 |
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,3E,"220\x20SFTPD1\x20IBM\x20FTP\x20CS\x20V1R4\x20at\x20x\.y\.z
SF:,\x2021:02:19\x20on\x202007-12-15\.\r\n");
