# source: Debian 12 pdns-server 4.7.3-2 (bind backend, no zones), captured on 127.0.0.1 with signet --version-record
# expect: domain | PowerDNS Authoritative Server | 4.7.3 | 
SF-Port44506-UDP:V=signet-0.1.0%I=9%D=11/25%Time=6B073BA1%P=x86_64-pc-linu
SF:x-gnu%r(DNSVersionBindReq,4E,"\0\x06\x85\0\0\x01\0\x01\0\0\0\0\x07versi
SF:on\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\x05\0\$#PowerDNS\x20
SF:Authoritative\x20Server\x204\.7\.3")%r(NBTStat,32,"\x80\xf0\x80\x05\0\x
SF:01\0\0\0\0\0\0\x20CKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\0\0!\0\x01")%r(NTPRe
SF:quest,11,"\xe3\0\x84\x05\0\x01\0\0\0\0\0\0\0\0\0\0\0")%r(DNS-SD,2E,"\0\
SF:0\x80\x05\0\x01\0\0\0\0\0\0\t_services\x07_dns-sd\x04_udp\x05local\0\0\
SF:x0c\0\x01");
