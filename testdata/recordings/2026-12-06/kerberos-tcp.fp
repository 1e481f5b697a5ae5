# recorded by signet 0.1.0 from 127.0.0.1 port 41188/tcp on 2026-12-06T12:39:52Z
# source: Debian 12 krb5-kdc 1.20.1-2+deb12u5 on the loopback testbed (testbed/testbed.sh, id kerberos-tcp), recorded 2026-12-06 with signet --version-record
# expect: kerberos-sec | MIT Kerberos
SF-Port41188-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B155798%P=x86_64-pc-linux
SF:-gnu%r(GenericLines,62,"\0\0\0\^~\\0Z\xa0\x03\x02\x01\x05\xa1\x03\x02\x
SF:01\x1e\xa4\x11\x18\x0f20261206123931Z\xa5\x05\x02\x03\x04\x91_\xa6\x03\
SF:x02\x01=\xa9\r\x1b\x0bSIGNET\.TEST\xaa\x200\x1e\xa0\x03\x02\x01\x02\xa1
SF:\x170\x15\x1b\x06krbtgt\x1b\x0bSIGNET\.TEST")%r(Kerberos,5F,"\0\0\0\[~Y
SF:0W\xa0\x03\x02\x01\x05\xa1\x03\x02\x01\x1e\xa4\x11\x18\x0f2026120612392
SF:9Z\xa5\x05\x02\x03\x04ia\xa6\x03\x02\x01\x06\xa9\x04\x1b\x02NM\xaa\x170
SF:\x15\xa0\x03\x02\x01\0\xa1\x0e0\x0c\x1b\x06krbtgt\x1b\x02NM\xab\r\x1b\x
SF:0bNULL_CLIENT");
