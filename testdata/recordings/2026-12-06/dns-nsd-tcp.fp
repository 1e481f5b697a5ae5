# recorded by signet 0.1.0 from 127.0.0.1 port 41055/tcp on 2026-12-06T12:39:53Z
# source: Debian 12 nsd 4.6.1-1 on the loopback testbed (testbed/testbed.sh, id dns-nsd-tcp), recorded 2026-12-06 with signet --version-record
# expect: domain | NLnet Labs NSD
SF-Port41055-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B155799%P=x86_64-pc-linux
SF:-gnu%r(DNSVersionBindReqTCP,36,"\x004\0\x06\x81\0\0\x01\0\x01\0\0\0\0\x
SF:07version\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\0\0\n\tNSD\x2
SF:04\.6\.1");
