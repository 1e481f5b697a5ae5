# source: hand-made: RFC 959 greeting (220) with the text Rapid7 Recog xml/ftp_banners.xml lists as observed from the product; host name is ours
# expect: ftp | Multicraft ftpd | 2.0.2 | Minecraft server control panel
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,21,"220\x20Multicraft\x202\.0\.2\x20FTP\x20server\r\n");
