# source: hand-made: RFC 1939 section 4 greeting (+OK) with the text Rapid7 Recog xml/pop_banners.xml lists as observed from the product; host name and date are ours
# expect: pop3 | Lotus Domino pop3d | 8.5.1FP5
SF-Port110-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-g
SF:nu%r(NULL,48,"\+OK\x20Lotus\x20Notes\x20POP3\x20server\x20version\x20Re
SF:lease\x208\.5\.1FP5\x20ready\x20on\x20mail/US\.\r\n");
