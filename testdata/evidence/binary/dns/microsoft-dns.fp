# source: hand-made from RFC 1035 (CHAOS TXT version.bind reply) with Windows Server 2008 R2 DNS (EnableVersionQuery=1)
# expect: domain | Microsoft DNS | 6.1.7601 | 
SF-Port53-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(DNSVersionBindReq,4C,"\0\x06\x85\x80\0\x01\0\x01\0\0\0\0\x07versio
SF:n\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\0\0\"!Microsoft\x20DN
SF:S\x206\.1\.7601\x20\(1DB1446A\)");
