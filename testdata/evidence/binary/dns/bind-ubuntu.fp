# source: hand-made from RFC 1035 (CHAOS TXT version.bind reply) with Ubuntu 22.04 bind9 1:9.18.18-0ubuntu0.22.04.2 string
# expect: domain | ISC BIND | 9.18.18 | Ubuntu package 0ubuntu0.22.04.2
SF-Port53-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(DNSVersionBindReq,4A,"\0\x06\x85\x80\0\x01\0\x01\0\0\0\0\x07versio
SF:n\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\0\0\x20\x1f9\.18\.18-
SF:0ubuntu0\.22\.04\.2-Ubuntu");
