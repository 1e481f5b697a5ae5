# source: Debian 12 krb5-kdc 1.20.1-2+deb12u5 (realm SIGNET.TEST), captured on 127.0.0.1 with signet --version-record
# expect: kerberos-sec | MIT Kerberos |  | server time: 2026-11-25 19:47:38Z
SF-Port44509-UDP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5E%P=x86_64-pc-linu
SF:x-gnu%r(Kerberos,5B,"~Y0W\xa0\x03\x02\x01\x05\xa1\x03\x02\x01\x1e\xa4\x
SF:11\x18\x0f20261125194738Z\xa5\x05\x02\x03\t\xa8z\xa6\x03\x02\x01\x06\xa
SF:9\x04\x1b\x02NM\xaa\x170\x15\xa0\x03\x02\x01\0\xa1\x0e0\x0c\x1b\x06krbt
SF:gt\x1b\x02NM\xab\r\x1b\x0bNULL_CLIENT");
