# source: hand-made: RFC 959 greeting (220) with the text Rapid7 Recog xml/ftp_banners.xml lists as observed from the product; host name is ours
# expect: ftp | WU-FTPD | 2.6.2(1)
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,5A,"220\x20ftp\.example\.com\x20FTP\x20server\x20\(Version\x20
SF:wu-2\.6\.2\(1\)\x20Sat\x20Jul\x2019\x2016:21:30\x20UTC\x202008\)\x20rea
SF:dy\.\r\n");
