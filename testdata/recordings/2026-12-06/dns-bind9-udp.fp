# recorded by signet 0.1.0 from 127.0.0.1 port 42053/udp on 2026-12-06T12:39:47Z
# source: Debian 12 bind9 1:9.18.49-1~deb12u3 on the loopback testbed (testbed/testbed.sh, id dns-bind9-udp), recorded 2026-12-06 with signet --version-record
# expect: domain | ISC BIND
SF-Port42053-UDP:V=signet-0.1.0%I=9%D=12/6%Time=6B155793%P=x86_64-pc-linux
SF:-gnu%r(RPCCheck,C,"r\xfe\x98\x01\0\0\0\0\0\0\0\0")%r(DNSVersionBindReq,
SF:43,"\0\x06\x85\0\0\x01\0\x01\0\0\0\0\x07version\x04bind\0\0\x10\0\x03\x
SF:c0\x0c\0\x10\0\x03\0\0\0\0\0\x19\x189\.18\.49-1~deb12u3-Debian")%r(NBTS
SF:tat,32,"\x80\xf0\x80\x15\0\x01\0\0\0\0\0\0\x20CKAAAAAAAAAAAAAAAAAAAAAAA
SF:AAAAAAA\0\0!\0\x01")%r(NTPRequest,11,"\xe3\0\x80\x11\0\x01\0\0\0\0\0\0\
SF:0\0\0\0\0")%r(NTPReadvar,C,"\x16\x02\x80\x01\0\0\0\0\0\0\0\0")%r(SNMPv3
SF:GetRequest,C,"0:\x80\x01\0\0\0\0\0\0\0\0")%r(SNMPv1public,C,"0\x82\x80\
SF:x01\0\0\0\0\0\0\0\0")%r(Kerberos,C,"j\x81\xe8\x01\0\0\0\0\0\0\0\0")%r(L
SF:DAPSearchReqUDP,C,"0\x84\x80\x01\0\0\0\0\0\0\0\0")%r(SIPOptions,C,"OP\x
SF:d0\x01\0\0\0\0\0\0\0\0")%r(STUNBindingReq,C,"\0\x01\x80\x01\0\0\0\0\0\0
SF:\0\0")%r(memcached,C,"\0\x01\x80\x01\0\0\0\0\0\0\0\0")%r(SSDPSearch,C,"
SF:M-\xd0\x01\0\0\0\0\0\0\0\0")%r(DNS-SD,2E,"\0\0\x80\x05\0\x01\0\0\0\0\0\
SF:0\t_services\x07_dns-sd\x04_udp\x05local\0\0\x0c\0\x01")%r(coap-request
SF:,C,"@\x01\x81\x01\0\0\0\0\0\0\0\0")%r(bacnet-rpm,C,"\x81\n\x80\x11\0\0\
SF:0\0\0\0\0\0");
