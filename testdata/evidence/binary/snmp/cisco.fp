# source: hand-made from RFC 3414 (Report with usmStatsUnknownEngineIDs; engine ID of IANA enterprise 9, RFC 3411 5)
# expect: snmp | Cisco SNMP service |  | SNMPv3 server
SF-Port161-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(SNMPv3GetRequest,64,"0b\x02\x01\x030\x0f\x02\x02Ji\x02\x03\0\xff\
SF:xe3\x04\x01\0\x02\x01\x03\x04\x1c0\x1a\x04\x0b\x80\0\0\t\x03\0\x1a\+<M\
SF:^\x02\x01\x03\x02\x02\x04\xd2\x04\0\x04\0\x04\x000\.\x04\x0b\x80\0\0\t\
SF:x03\0\x1a\+<M\^\x04\0\xa8\x1d\x02\x027\xf0\x02\x01\0\x02\x01\x000\x110\
SF:x0f\x06\n\+\x06\x01\x06\x03\x0f\x01\x01\x04\0A\x01\x01");
