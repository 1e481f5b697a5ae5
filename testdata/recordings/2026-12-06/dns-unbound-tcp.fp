# recorded by signet 0.1.0 from 127.0.0.1 port 41054/tcp on 2026-12-06T12:39:54Z
# source: Debian 12 unbound 1.17.1-2+deb12u4 on the loopback testbed (testbed/testbed.sh, id dns-unbound-tcp), recorded 2026-12-06 with signet --version-record
# expect: domain | Unbound
SF-Port41054-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B15579A%P=x86_64-pc-linux
SF:-gnu%r(DNSVersionBindReqTCP,3B,"\x009\0\x06\x81\x80\0\x01\0\x01\0\0\0\0
SF:\x07version\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\0\0\x0f\x0e
SF:unbound\x201\.17\.1");
