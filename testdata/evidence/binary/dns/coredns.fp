# source: hand-made from RFC 1035 (CHAOS TXT version.bind reply) with CoreDNS 1.11.1 chaos plugin
# expect: domain | CoreDNS | 1.11.1 | 
SF-Port53-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(DNSVersionBindReq,39,"\0\x06\x85\0\0\x01\0\x01\0\0\0\0\x07version\
SF:x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\0\0\x0f\x0eCoreDNS-1\.1
SF:1\.1");
