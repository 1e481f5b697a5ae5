# recorded by signet 0.1.0 from 127.0.0.1 port 42054/udp on 2026-12-06T12:39:46Z
# source: Debian 12 unbound 1.17.1-2+deb12u4 on the loopback testbed (testbed/testbed.sh, id dns-unbound-udp), recorded 2026-12-06 with signet --version-record
# expect: domain | Unbound
SF-Port42054-UDP:V=signet-0.1.0%I=9%D=12/6%Time=6B155792%P=x86_64-pc-linux
SF:-gnu%r(RPCCheck,28,"r\xfe\x9d\x14\0\0\0\0\0\0\0\x02\0\x01\x86\xa0\0\x01
SF:\x97\|\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0")%r(DNSVersionBindReq,39
SF:,"\0\x06\x81\x80\0\x01\0\x01\0\0\0\0\x07version\x04bind\0\0\x10\0\x03\x
SF:c0\x0c\0\x10\0\x03\0\0\0\0\0\x0f\x0eunbound\x201\.17\.1")%r(NBTStat,32,
SF:"\x80\xf0\x84\x93\0\x01\0\0\0\0\0\0\x20CKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
SF:\0\0!\0\x01")%r(NTPRequest,30,"\xe3\0\x84\xf1\0\x01\0\0\0\x01\0\0\0\0\0
SF:\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xc5O#Kq\xb1R\xf3")%r
SF:(NTPReadvar,C,"\x16\x02\x80\x01\0\0\0\0\0\0\0\0")%r(SNMPv3GetRequest,3C
SF:,"0:\x80\x01\x030\x0f\x02\x02Ji\x02\x03\0\xff\xe3\x04\x01\x04\x02\x01\x
SF:03\x04\x100\x0e\x04\0\x02\x01\0\x02\x01\0\x04\0\x04\0\x04\x000\x12\x04\
SF:0\x04\0\xa0\x0c\x02\x027\xf0\x02\x01\0\x02\x01\x000\0")%r(SNMPv1public,
SF:33,"0\x82\x80!\x02\x01\0\x04\x06public\xa0\x82\0\x20\x02\x04L3\xa7V\x02
SF:\x01\0\x02\x01\x000\x82\0\x100\x82\0\x0c\x06\x08\+\x06\x01\x02\x01\x01\
SF:x05\0\x05\0")%r(Kerberos,71,"j\x81\xec1\x81k\xa1\x03\x02\x01\x05\xa2\x0
SF:3\x02\x01\n\xa4\x81\^0\\\xa0\x07\x03\x05\0P\x80\0\x10\xa2\x04\x1b\x02NM
SF:\xa3\x170\x15\xa0\x03\x02\x01\0\xa1\x0e0\x0c\x1b\x06krbtgt\x1b\x02NM\xa
SF:5\x11\x18\x0f19700101000000Z\xa7\x06\x02\x04\x1f\x1e\xb9\xd9\xa8\x170\x
SF:15\x02\x01\x12\x02\x01\x11\x02\x01\x10\x02\x01\x17\x02\x01\x01\x02\x01\
SF:x03\x02\x01\x02")%r(LDAPSearchReqUDP,33,"0\x84\x80\x01\0-\x02\x01\x07c\
SF:x84\0\0\0\$\x04\0\n\x01\0\n\x01\0\x02\x01\0\x02\x01d\x01\x01\0\x87\x0bo
SF:bjectClass0\x84\0\0\0\0")%r(SIPOptions,E5,"OP\xd4DONS\x20sip:nm\x20SIP/
SF:2\.0\r\nVia:\x20SIP/2\.0/UDP\x20nm;branch=foo;rport\r\nFrom:\x20<sip:nm
SF:@nm>;tag=root\r\nTo:\x20<sip:nm2@nm2>\r\nCall-ID:\x2050000\r\nCSeq:\x20
SF:42\x20OPTIONS\r\nMax-Forwards:\x2070\r\nContent-Length:\x200\r\nContact
SF::\x20<sip:nm@nm>\r\nAccept:\x20application/sdp\r\n\r\n")%r(STUNBindingR
SF:eq,14,"\0\x01\x80\x01!\x12\xa4Bsignetsignet")%r(memcached,F,"\0\x01\x80
SF:\x01\0\x01\0\0stats\r\n")%r(SSDPSearch,5E,"M-\xd1AARCH\x20\*\x20HTTP/1\
SF:.1\r\nHOST:\x20239\.255\.255\.250:1900\r\nMAN:\x20\"ssdp:discover\"\r\n
SF:MX:\x201\r\nST:\x20ssdp:all\r\n\r\n")%r(DNS-SD,2E,"\0\0\x84\x83\0\x01\0
SF:\0\0\0\0\0\t_services\x07_dns-sd\x04_udp\x05local\0\0\x0c\0\x01")%r(coa
SF:p-request,15,"@\x01\x81\xc1\xbb\.well-known\x04core")%r(bacnet-rpm,19,"
SF:\x81\n\x80\x11\x01\x04\0\x05\x01\x0e\x0c\x02\?\xff\xff\x1e\ty\tF\t,\t\x
SF:0c\x1f");
