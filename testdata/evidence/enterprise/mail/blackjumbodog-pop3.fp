# source: hand-made: RFC 1939 section 4 greeting (+OK) with the text Rapid7 Recog xml/pop_banners.xml lists as observed from the product; host name and date are ours
# expect: pop3 | BlackJumboDog pop3d | 5.7.5.0
SF-Port110-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-g
SF:nu%r(NULL,2B,"\+OK\x20BlackJumboDog\x20\(Version\x205\.7\.5\.0\)\x20rea
SF:dy\r\n");
