# source: hand-made from RFC 1035 4.1.1 (RCODE 5 REFUSED to version.bind)
# expect: domain |  |  | version.bind refused
SF-Port53-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(DNSVersionBindReq,1E,"\0\x06\x81\x05\0\x01\0\0\0\0\0\0\x07version\
SF:x04bind\0\0\x10\0\x03");
