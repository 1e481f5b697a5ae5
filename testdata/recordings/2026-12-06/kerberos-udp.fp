# recorded by signet 0.1.0 from 127.0.0.1 port 42088/udp on 2026-12-06T12:39:35Z
# source: Debian 12 krb5-kdc 1.20.1-2+deb12u5 on the loopback testbed (testbed/testbed.sh, id kerberos-udp), recorded 2026-12-06 with signet --version-record
# expect: kerberos-sec | MIT Kerberos
SF-Port42088-UDP:V=signet-0.1.0%I=9%D=12/6%Time=6B155787%P=x86_64-pc-linux
SF:-gnu%r(Kerberos,5B,"~Y0W\xa0\x03\x02\x01\x05\xa1\x03\x02\x01\x1e\xa4\x1
SF:1\x18\x0f20261206123929Z\xa5\x05\x02\x03\x04ia\xa6\x03\x02\x01\x06\xa9\
SF:x04\x1b\x02NM\xaa\x170\x15\xa0\x03\x02\x01\0\xa1\x0e0\x0c\x1b\x06krbtgt
SF:\x1b\x02NM\xab\r\x1b\x0bNULL_CLIENT");
