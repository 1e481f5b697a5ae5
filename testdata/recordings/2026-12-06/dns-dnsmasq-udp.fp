# recorded by signet 0.1.0 from 127.0.0.1 port 42056/udp on 2026-12-06T12:39:47Z
# source: Debian 12 dnsmasq-base 2.90-4~deb12u2 on the loopback testbed (testbed/testbed.sh, id dns-dnsmasq-udp), recorded 2026-12-06 with signet --version-record
# expect: domain | dnsmasq
SF-Port42056-UDP:V=signet-0.1.0%I=9%D=12/6%Time=6B155793%P=x86_64-pc-linux
SF:-gnu%r(RPCCheck,C,"r\xfe\x99\x95\0\0\0\0\0\0\0\0")%r(DNSVersionBindReq,
SF:37,"\0\x06\x85\x80\0\x01\0\x01\0\0\0\0\x07version\x04bind\0\0\x10\0\x03
SF:\xc0\x0c\0\x10\0\x03\0\0\0\0\0\r\x0cdnsmasq-2\.90")%r(NBTStat,32,"\x80\
SF:xf0\x80\x95\0\x01\0\0\0\0\0\0\x20CKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\0\0!\
SF:0\x01")%r(NTPRequest,11,"\xe3\0\x80\xd5\0\x01\0\0\0\0\0\0\0\0\0\0\0")%r
SF:(NTPReadvar,C,"\x16\x02\x80\x85\0\0\0\0\0\0\0\0")%r(DNS-SD,2E,"\0\0\x80
SF:\x85\0\x01\0\0\0\0\0\0\t_services\x07_dns-sd\x04_udp\x05local\0\0\x0c\0
SF:\x01");
