# source: hand-made: RFC 3977 5.1.1 greeting (200) with the text Rapid7 Recog xml/nntp_banners.xml lists as observed from the product; host name and date are ours
# expect: nntp | Microsoft NNTP Service | 6.0.3790.3959 | posting allowed
SF-Port119-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-g
SF:nu%r(NULL,47,"200\x20NNTP\x20Service\x206\.0\.3790\.3959\x20Version:\x2
SF:06\.0\.3790\.3959\x20Posting\x20Allowed\r\n");
