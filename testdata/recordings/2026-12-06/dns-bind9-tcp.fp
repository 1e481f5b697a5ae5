# recorded by signet 0.1.0 from 127.0.0.1 port 41053/tcp on 2026-12-06T12:39:54Z
# source: Debian 12 bind9 1:9.18.49-1~deb12u3 on the loopback testbed (testbed/testbed.sh, id dns-bind9-tcp), recorded 2026-12-06 with signet --version-record
# expect: domain | ISC BIND
SF-Port41053-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B15579A%P=x86_64-pc-linux
SF:-gnu%r(DNSVersionBindReqTCP,45,"\0C\0\x06\x85\0\0\x01\0\x01\0\0\0\0\x07
SF:version\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\0\0\x19\x189\.1
SF:8\.49-1~deb12u3-Debian");
