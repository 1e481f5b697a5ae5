# source: hand-made: RFC 3977 5.1.1 greeting (200) with the text Rapid7 Recog xml/nntp_banners.xml lists as observed from the product; host name and date are ours
# expect: nntp | Kerio Connect nntpd | 9.2.6 patch 2
SF-Port119-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-g
SF:nu%r(NULL,33,"200\x20Kerio\x20Connect\x209\.2\.6\x20patch\x202\x20NNTP\
SF:x20server\x20ready\r\n");
