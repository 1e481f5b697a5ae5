# source: Debian 12 dnsmasq-base 2.90-4~deb12u2 (no upstream servers), captured on 127.0.0.1 with signet --version-record
# expect: domain | dnsmasq | 2.90 | 
SF-Port44504-UDP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5B%P=x86_64-pc-linu
SF:x-gnu%r(RPCCheck,C,"r\xfe\x99\x95\0\0\0\0\0\0\0\0")%r(DNSVersionBindReq
SF:,37,"\0\x06\x85\x80\0\x01\0\x01\0\0\0\0\x07version\x04bind\0\0\x10\0\x0
SF:3\xc0\x0c\0\x10\0\x03\0\0\0\0\0\r\x0cdnsmasq-2\.90")%r(NBTStat,32,"\x80
SF:\xf0\x80\x95\0\x01\0\0\0\0\0\0\x20CKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\0\0!
SF:\0\x01")%r(NTPRequest,11,"\xe3\0\x80\xd5\0\x01\0\0\0\0\0\0\0\0\0\0\0")%
SF:r(NTPReadvar,C,"\x16\x02\x80\x85\0\0\0\0\0\0\0\0")%r(DNS-SD,2E,"\0\0\x8
SF:0\x85\0\x01\0\0\0\0\0\0\t_services\x07_dns-sd\x04_udp\x05local\0\0\x0c\
SF:0\x01")%r(enip-listidentity,C,"c\0\x80\x85\0\0\0\0\0\0\0\0");
