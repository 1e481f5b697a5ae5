# source: hand-made: RFC 1939 section 4 greeting (+OK) with the text Rapid7 Recog xml/pop_banners.xml lists as observed from the product; host name and date are ours
# expect: pop3 | Microsoft Windows POP3 Service | 1.0
SF-Port110-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-g
SF:nu%r(NULL,4E,"\+OK\x20Microsoft\x20Windows\x20POP3\x20Service\x20Versio
SF:n\x201\.0\x20<4120\.1796637600@mail>\x20ready\.\r\n");
