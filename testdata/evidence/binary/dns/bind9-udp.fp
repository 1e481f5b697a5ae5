# source: Debian 12 bind9 1:9.18.49-1~deb12u3 (named, recursion off), captured on 127.0.0.1 with signet --version-record
# expect: domain | ISC BIND | 9.18.49 | Debian package 1~deb12u3
SF-Port44501-UDP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5D%P=x86_64-pc-linu
SF:x-gnu%r(RPCCheck,C,"r\xfe\x98\x01\0\0\0\0\0\0\0\0")%r(DNSVersionBindReq
SF:,43,"\0\x06\x85\0\0\x01\0\x01\0\0\0\0\x07version\x04bind\0\0\x10\0\x03\
SF:xc0\x0c\0\x10\0\x03\0\0\0\0\0\x19\x189\.18\.49-1~deb12u3-Debian")%r(NBT
SF:Stat,32,"\x80\xf0\x80\x15\0\x01\0\0\0\0\0\0\x20CKAAAAAAAAAAAAAAAAAAAAAA
SF:AAAAAAAA\0\0!\0\x01")%r(NTPRequest,11,"\xe3\0\x80\x11\0\x01\0\0\0\0\0\0
SF:\0\0\0\0\0")%r(NTPReadvar,C,"\x16\x02\x80\x01\0\0\0\0\0\0\0\0")%r(SNMPv
SF:1public,C,"0\x82\x80\x01\0\0\0\0\0\0\0\0")%r(SNMPv3GetRequest,C,"0:\x80
SF:\x01\0\0\0\0\0\0\0\0")%r(Kerberos,C,"j\x81\xe8\x01\0\0\0\0\0\0\0\0")%r(
SF:LDAPSearchReqUDP,C,"0\x84\x80\x01\0\0\0\0\0\0\0\0")%r(SIPOptions,C,"OP\
SF:xd0\x01\0\0\0\0\0\0\0\0")%r(STUNBindingReq,C,"\0\x01\x80\x01\0\0\0\0\0\
SF:0\0\0")%r(tftp-rrq,C,"\0\x01\xf0\x01\0\0\0\0\0\0\0\0")%r(memcached,C,"\
SF:0\x01\x80\x01\0\0\0\0\0\0\0\0")%r(SSDPSearch,C,"M-\xd0\x01\0\0\0\0\0\0\
SF:0\0")%r(DNS-SD,2E,"\0\0\x80\x05\0\x01\0\0\0\0\0\0\t_services\x07_dns-sd
SF:\x04_udp\x05local\0\0\x0c\0\x01")%r(coap-request,C,"@\x01\x81\x01\0\0\0
SF:\0\0\0\0\0")%r(enip-listidentity,C,"c\0\x80\x01\0\0\0\0\0\0\0\0")%r(bac
SF:net-rpm,C,"\x81\n\x80\x11\0\0\0\0\0\0\0\0");
