# source: hand-made from MS-ADTS 6.3.3 (LDAP ping over UDP answered by a domain controller)
# expect: ldap | Microsoft Windows Active Directory LDAP |  | CLDAP; Domain: DC=corp,DC=example
SF-Port389-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(LDAPSearchReqUDP,6B,"0\[\x02\x01\x07dV\x04\x000R0,\x04\x14default
SF:NamingContext1\x14\x04\x12DC=corp,DC=example0\"\x04\x0bdnsHostName1\x13
SF:\x04\x11dc01\.corp\.example0\x0c\x02\x01\x07e\x07\n\x01\0\x04\0\x04\0");
