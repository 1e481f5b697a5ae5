# source: hand-made: RFC 959 greeting (220) with the text Rapid7 Recog xml/ftp_banners.xml lists as observed from the product; host name is ours
# expect: ftp | NetWin SurgeFTP | 2.3a12
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,2F,"220\x20SurgeFTP\x20ftp\.example\.com\x20\(Version\x202\.3a
SF:12\)\r\n");
