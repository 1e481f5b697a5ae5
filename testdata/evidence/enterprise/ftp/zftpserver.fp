# source: hand-made: RFC 959 greeting (220) with the text Rapid7 Recog xml/ftp_banners.xml lists as observed from the product; host name is ours
# expect: ftp | zFTPServer | 4.0 | build 2008-12-24 01:41
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,34,"220\x20zFTPServer\x20v4\.0,\x20build\x202008-12-24\x2001:4
SF:1\x20ready\.\r\n");
