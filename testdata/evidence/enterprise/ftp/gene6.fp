# source: hand-made: RFC 959 greeting (220) with the text Rapid7 Recog xml/ftp_banners.xml lists as observed from the product; host name is ours
# expect: ftp | Gene6 ftpd | 3.10.0 | build 2
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,31,"220\x20Gene6\x20FTP\x20Server\x20v3\.10\.0\x20\(Build\x202
SF:\)\x20ready\.\.\.\r\n");
