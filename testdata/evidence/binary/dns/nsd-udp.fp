# source: Debian 12 nsd 4.6.1-1, captured on 127.0.0.1 with signet --version-record
# expect: domain | NLnet Labs NSD | 4.6.1 | 
SF-Port44503-UDP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5D%P=x86_64-pc-linu
SF:x-gnu%r(RPCCheck,C,"r\xfe\x9d\x14\0\0\0\0\0\0\0\0")%r(DNSVersionBindReq
SF:,34,"\0\x06\x81\0\0\x01\0\x01\0\0\0\0\x07version\x04bind\0\0\x10\0\x03\
SF:xc0\x0c\0\x10\0\x03\0\0\0\0\0\n\tNSD\x204\.6\.1")%r(NBTStat,32,"\x80\xf
SF:0\x80\x05\0\x01\0\0\0\0\0\0\x20CKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\0\0!\0\
SF:x01")%r(NTPRequest,C,"\xe3\0\x80\x01\0\0\0\0\0\0\0\0")%r(NTPReadvar,C,"
SF:\x16\x02\x80\x01\0\0\0\0\0\0\0\0")%r(SNMPv1public,C,"0\x82\x80\x01\0\0\
SF:0\0\0\0\0\0")%r(SNMPv3GetRequest,C,"0:\x80\x01\0\0\0\0\0\0\0\0")%r(Kerb
SF:eros,C,"j\x81\xee\x14\0\0\0\0\0\0\0\0")%r(LDAPSearchReqUDP,C,"0\x84\x80
SF:\x01\0\0\0\0\0\0\0\0")%r(SIPOptions,C,"OP\xd4D\0\0\0\0\0\0\0\0")%r(STUN
SF:BindingReq,C,"\0\x01\x80\x01\0\0\0\0\0\0\0\0")%r(tftp-rrq,C,"\0\x01\xf3
SF:D\0\0\0\0\0\0\0\0")%r(memcached,C,"\0\x01\x80\x01\0\0\0\0\0\0\0\0")%r(S
SF:SDPSearch,C,"M-\xd3D\0\0\0\0\0\0\0\0")%r(DNS-SD,2E,"\0\0\x80\x05\0\x01\
SF:0\0\0\0\0\0\t_services\x07_dns-sd\x04_udp\x05local\0\0\x0c\0\x01")%r(co
SF:ap-request,C,"@\x01\x81\x01\0\0\0\0\0\0\0\0")%r(enip-listidentity,C,"c\
SF:0\x80\x01\0\0\0\0\0\0\0\0")%r(bacnet-rpm,C,"\x81\n\x80\x01\0\0\0\0\0\0\
SF:0\0");
