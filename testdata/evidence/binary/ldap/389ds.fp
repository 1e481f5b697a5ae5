# source: hand-made from RFC 4512 5.1 and RFC 3045 (root DSE of 389 Directory Server 2.3.1)
# expect: ldap | 389 Directory Server | 2.3.1 | 
SF-Port389-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(LDAPSearchReq,CD,"0\x81\xbc\x02\x01\x07d\x81\xb6\x04\x000\x81\xb1
SF:0\x14\x04\x0bobjectClass1\x05\x04\x03top0%\x04\x0enamingContexts1\x13\x
SF:04\x11dc=example,dc=com0\x1e\x04\x14supportedLDAPVersion1\x06\x04\x012\
SF:x04\x0130\x1b\x04\nvendorName1\r\x04\x0b389\x20Project05\x04\rvendorVer
SF:sion1\$\x04\"389-Directory/2\.3\.1\x20B2023\.100\.00000\x0c\x02\x01\x07
SF:e\x07\n\x01\0\x04\0\x04\0");
