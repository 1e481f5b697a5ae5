# source: hand-made from MS-ADTS 3.1.1.3.2 (rootDSE attributes of a Windows Server 2019 DC)
# expect: ldap | Microsoft Windows Active Directory LDAP |  | Domain: DC=corp,DC=example
SF-Port389-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(LDAPSearchReq,CE,"0\x81\xbd\x02\x01\x07d\x81\xb7\x04\x000\x81\xb2
SF:0\"\x04\x0bcurrentTime1\x13\x04\x1120261125193012\.0Z0,\x04\x14defaultN
SF:amingContext1\x14\x04\x12DC=corp,DC=example0\x1a\x04\x13domainFunctiona
SF:lity1\x03\x04\x0170\"\x04\x0bdnsHostName1\x13\x04\x11dc01\.corp\.exampl
SF:e0\x1e\x04\x14isGlobalCatalogReady1\x06\x04\x04TRUE0\x0c\x02\x01\x07e\x
SF:07\n\x01\0\x04\0\x04\0");
