# source: Debian 12 slapd 2.5.13+dfsg-5 (back_mdb), captured on 127.0.0.1 with signet --version-record
# expect: ldap | OpenLDAP |  | 
SF-Port44510-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5B%P=x86_64-pc-linu
SF:x-gnu%r(LDAPSearchReq,40,"00\x02\x01\x07d\+\x04\x000'0%\x04\x0bobjectCl
SF:ass1\x16\x04\x03top\x04\x0fOpenLDAProotDSE0\x0c\x02\x01\x07e\x07\n\x01\
SF:0\x04\0\x04\0");
