# source: hand-made from RFC 1157 (GetResponse sysName.0; Windows SNMP service has no SNMPv3)
# expect: snmp | SNMPv1 server |  | public
SF-Port161-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(SNMPv1public,34,"02\x02\x01\0\x04\x06public\xa2%\x02\x04L3\xa7V\x
SF:02\x01\0\x02\x01\x000\x170\x15\x06\x08\+\x06\x01\x02\x01\x01\x05\0\x04\
SF:tWIN-SRV01");
