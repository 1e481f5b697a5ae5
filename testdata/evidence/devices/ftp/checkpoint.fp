# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Check Point FireWall-1 ftp proxy | |
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,3E,"220\x20Check\x20Point\x20FireWall-1\x20Secure\x20FTP\x20se
SF:rver\x20running\x20on\x20host\r\n");
