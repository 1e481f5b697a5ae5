# source: hand-made from RFC 1035 (CHAOS TXT version.bind reply) with RHEL 7 bind 9.11.4-26.P2.el7_9.13 string
# expect: domain | ISC BIND | 9.11.4-P2 | Red Hat package 9.11.4-26.P2.el7_9.13
SF-Port53-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(DNSVersionBindReq,51,"\0\x06\x85\x80\0\x01\0\x01\0\0\0\0\x07versio
SF:n\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\0\0'&9\.11\.4-P2-RedH
SF:at-9\.11\.4-26\.P2\.el7_9\.13");
