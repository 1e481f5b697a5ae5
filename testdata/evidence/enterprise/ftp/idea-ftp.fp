# source: hand-made: RFC 959 greeting (220) with the text Rapid7 Recog xml/ftp_banners.xml lists as observed from the product; host name is ours
# expect: ftp | Idea FTP Server | 0.83.213
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,3D,"220\x20Idea\x20FTP\x20Server\x200\.83\.213\x20\(ftp\.examp
SF:le\.com\)\x20\[192\.0\.2\.21\]\r\n");
