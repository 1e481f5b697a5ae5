# source: hand-made: RFC 959 greeting (220) with the text Rapid7 Recog xml/ftp_banners.xml lists as observed from the product; host name is ours
# expect: ftp | Mac OS X Server ftpd | | Mac OS X Server 10.3; GSSAPI
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,52,"220\x20ftp\.example\.com\x20FTP\x20server\x20\(Version:\x2
SF:0\x20Mac\x20OS\x20X\x20Server\x2010\.3\x20-\x20\+GSSAPI\)\x20ready\.\r\
SF:n");
