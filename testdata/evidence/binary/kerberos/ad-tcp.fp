# source: hand-made from RFC 4120 5.9.1/7.2.2 and MS-KILE 3.3.5 (KRB-ERROR KDC_ERR_WRONG_REALM, TCP framing)
# expect: kerberos-sec | Microsoft Windows Kerberos |  | server time: 2026-11-25 19:30:12Z
SF-Port88-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(Kerberos,50,"\0\0\0L~J0H\xa0\x03\x02\x01\x05\xa1\x03\x02\x01\x1e\x
SF:a4\x11\x18\x0f20261125193012Z\xa5\x05\x02\x03\n\x1b,\xa6\x03\x02\x01D\x
SF:a9\x04\x1b\x02NM\xaa\x170\x15\xa0\x03\x02\x01\0\xa1\x0e0\x0c\x1b\x06krb
SF:tgt\x1b\x02NM");
