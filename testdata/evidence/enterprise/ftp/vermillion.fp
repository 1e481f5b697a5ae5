# source: hand-made: RFC 959 greeting (220) with the text Rapid7 Recog xml/ftp_banners.xml lists as observed from the product; host name is ours
# expect: ftp | Vermillion ftpd | 1.23
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,34,"220\x20ftp\.example\.com\x20FTP\x20Server\x20\(vftpd\x201\
SF:.23\)\x20ready\.\r\n");
