# recorded by signet 0.1.0 from 127.0.0.1 port 41636/tcp on 2026-12-06T12:39:57Z
# source: Debian 12 slapd 2.5.13+dfsg-5 on the loopback testbed (testbed/testbed.sh, id ldaps-slapd), recorded 2026-12-06 with signet --version-record
# expect: ssl/ldap | OpenLDAP
SF-Port41636-TCP:V=signet-0.1.0%T=SSL%I=9%D=12/6%Time=6B15579D%P=x86_64-pc
SF:-linux-gnu%r(LDAPSearchReq,40,"00\x02\x01\x07d\+\x04\x000'0%\x04\x0bobj
SF:ectClass1\x16\x04\x03top\x04\x0fOpenLDAProotDSE0\x0c\x02\x01\x07e\x07\n
SF:\x01\0\x04\0\x04\0");
