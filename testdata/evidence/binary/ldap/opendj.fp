# source: hand-made from RFC 4512 5.1 and RFC 3045 (root DSE of OpenDJ 4.5.0)
# expect: ldap | OpenDJ | 4.5.0 | 
SF-Port389-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(LDAPSearchReq,83,"0s\x02\x01\x07dn\x04\x000j0!\x04\x0bobjectClass
SF:1\x12\x04\x03top\x04\x0bds-root-dse0\x1d\x04\nvendorName1\x0f\x04\rForg
SF:eRock\x20AS\.0&\x04\rvendorVersion1\x15\x04\x13OpenDJ\x20Server\x204\.5
SF:\.00\x0c\x02\x01\x07e\x07\n\x01\0\x04\0\x04\0");
