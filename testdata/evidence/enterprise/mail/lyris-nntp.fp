# source: hand-made: RFC 3977 5.1.1 greeting (200) with the text Rapid7 Recog xml/nntp_banners.xml lists as observed from the product; host name and date are ours
# expect: nntp | Lyris ListManager nntpd | | posting allowed
SF-Port119-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-g
SF:nu%r(NULL,49,"200\x20mail\.example\.com\x20Lyris\x20ListManager\x20NNTP
SF:\x20Service\x20ready\x20\(posting\x20ok\)\.\r\n");
