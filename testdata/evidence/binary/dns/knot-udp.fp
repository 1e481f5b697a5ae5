# source: Debian 12 knot 3.2.6-1, captured on 127.0.0.1 with signet --version-record
# expect: domain | Knot DNS | 3.2.6 | 
SF-Port44505-UDP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5D%P=x86_64-pc-linu
SF:x-gnu%r(RPCCheck,C,"r\xfe\x99\x01\0\0\0\0\0\0\0\0")%r(DNSVersionBindReq
SF:,39,"\0\x06\x81\0\0\x01\0\x01\0\0\0\0\x07version\x04bind\0\0\x10\0\x03\
SF:xc0\x0c\0\x10\0\x03\0\0\0\0\0\x0f\x0eKnot\x20DNS\x203\.2\.6")%r(NBTStat
SF:,32,"\x80\xf0\x80\x05\0\x01\0\0\0\0\0\0\x20CKAAAAAAAAAAAAAAAAAAAAAAAAAA
SF:AAAA\0\0!\0\x01")%r(NTPRequest,11,"\xe3\0\x80\x01\0\x01\0\0\0\0\0\0\0\0
SF:\0\0\0")%r(NTPReadvar,C,"\x16\x02\x80\x01\0\0\0\0\0\0\0\0")%r(DNS-SD,2E
SF:,"\0\0\x80\x05\0\x01\0\0\0\0\0\0\t_services\x07_dns-sd\x04_udp\x05local
SF:\0\0\x0c\0\x01");
