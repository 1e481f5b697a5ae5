# source: hand-made: RFC 1939 section 4 greeting (+OK) with the text Rapid7 Recog xml/pop_banners.xml lists as observed from the product; host name and date are ours
# expect: pop3 | CMailServer pop3d | 5.0.0
SF-Port110-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-g
SF:nu%r(NULL,2A,"\+OK\x20CMailServer\x205\.0\.0\x20POP3\x20Service\x20Read
SF:y\r\n");
