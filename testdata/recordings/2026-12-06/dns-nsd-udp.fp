# recorded by signet 0.1.0 from 127.0.0.1 port 42055/udp on 2026-12-06T12:39:35Z
# source: Debian 12 nsd 4.6.1-1 on the loopback testbed (testbed/testbed.sh, id dns-nsd-udp), recorded 2026-12-06 with signet --version-record
# expect: domain | NLnet Labs NSD
SF-Port42055-UDP:V=signet-0.1.0%I=9%D=12/6%Time=6B155787%P=x86_64-pc-linux
SF:-gnu%r(RPCCheck,C,"r\xfe\x9d\x14\0\0\0\0\0\0\0\0")%r(DNSVersionBindReq,
SF:34,"\0\x06\x81\0\0\x01\0\x01\0\0\0\0\x07version\x04bind\0\0\x10\0\x03\x
SF:c0\x0c\0\x10\0\x03\0\0\0\0\0\n\tNSD\x204\.6\.1")%r(NBTStat,32,"\x80\xf0
SF:\x80\x05\0\x01\0\0\0\0\0\0\x20CKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\0\0!\0\x
SF:01")%r(NTPRequest,C,"\xe3\0\x80\x01\0\0\0\0\0\0\0\0")%r(NTPReadvar,C,"\
SF:x16\x02\x80\x01\0\0\0\0\0\0\0\0")%r(SNMPv3GetRequest,C,"0:\x80\x01\0\0\
SF:0\0\0\0\0\0")%r(SNMPv1public,C,"0\x82\x80\x01\0\0\0\0\0\0\0\0")%r(Kerbe
SF:ros,C,"j\x81\xee\x14\0\0\0\0\0\0\0\0")%r(LDAPSearchReqUDP,C,"0\x84\x80\
SF:x01\0\0\0\0\0\0\0\0")%r(SIPOptions,C,"OP\xd4D\0\0\0\0\0\0\0\0")%r(STUNB
SF:indingReq,C,"\0\x01\x80\x01\0\0\0\0\0\0\0\0")%r(memcached,C,"\0\x01\x80
SF:\x01\0\0\0\0\0\0\0\0")%r(SSDPSearch,C,"M-\xd3D\0\0\0\0\0\0\0\0")%r(DNS-
SF:SD,2E,"\0\0\x80\x05\0\x01\0\0\0\0\0\0\t_services\x07_dns-sd\x04_udp\x05
SF:local\0\0\x0c\0\x01")%r(coap-request,C,"@\x01\x81\x01\0\0\0\0\0\0\0\0")
SF:%r(bacnet-rpm,C,"\x81\n\x80\x01\0\0\0\0\0\0\0\0");
