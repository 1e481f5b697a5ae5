# source: hand-made from MS-RDPBCGR 2.2.1.2.2 (RDP_NEG_FAILURE HYBRID_REQUIRED_BY_SERVER)
# expect: ms-wbt-server | Microsoft Terminal Services |  | CredSSP (NLA) required
SF-Port3389-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(TerminalServerCookie,13,"\x03\0\0\x13\x0e\xd0\0\0\0\0\0\x03\0\x0
SF:8\0\x05\0\0\0");
