# source: hand-made: RFC 959 greeting (220) with the text Rapid7 Recog xml/ftp_banners.xml lists as observed from the product; host name is ours
# expect: ftp | NcFTPd | | licensed copy
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,3A,"220\x20ftp\.example\.com\x20NcFTPd\x20Server\x20\(licensed
SF:\x20copy\)\x20ready\.\r\n");
