# recorded by signet 0.1.0 from 127.0.0.1 port 41389/tcp on 2026-12-06T12:39:55Z
# source: Debian 12 slapd 2.5.13+dfsg-5 on the loopback testbed (testbed/testbed.sh, id ldap-slapd), recorded 2026-12-06 with signet --version-record
# expect: ldap | OpenLDAP
SF-Port41389-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B15579B%P=x86_64-pc-linux
SF:-gnu%r(LDAPSearchReq,40,"00\x02\x01\x07d\+\x04\x000'0%\x04\x0bobjectCla
SF:ss1\x16\x04\x03top\x04\x0fOpenLDAProotDSE0\x0c\x02\x01\x07e\x07\n\x01\0
SF:\x04\0\x04\0");
