# source: hand-made: RFC 1939 section 4 greeting (+OK) with the text Rapid7 Recog xml/pop_banners.xml lists as observed from the product; host name and date are ours
# expect: pop3 | Qpopper pop3d | 4.0.16
SF-Port110-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-g
SF:nu%r(NULL,61,"\+OK\x20Qpopper\x20\(version\x204\.0\.16\)\x20at\x20mail\
SF:.example\.com\x20starting\.\x20\x20<31337\.1796637600@mail\.example\.co
SF:m>\r\n");
