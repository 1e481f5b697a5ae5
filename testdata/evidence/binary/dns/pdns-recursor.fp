# source: hand-made from RFC 1035 (CHAOS TXT version.bind reply) with PowerDNS Recursor 4.8.4 version-string
# expect: domain | PowerDNS Recursor | 4.8.4 | 
SF-Port53-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(DNSVersionBindReq,65,"\0\x06\x85\x80\0\x01\0\x01\0\0\0\0\x07versio
SF:n\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\0\0;:PowerDNS\x20Recu
SF:rsor\x204\.8\.4\x20\(built\x20Jun\x2021\x202023\x20root@localhost\)");
