# source: hand-made from RFC 1002 4.2.18 (NODE STATUS RESPONSE with the adapter MAC, Windows layout)
# expect: netbios-ns | Microsoft Windows netbios-ns |  | workgroup: CORP
SF-Port137-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(NBTStat,87,"\x80\xf0\x84\0\0\0\0\x01\0\0\0\0\x20CKAAAAAAAAAAAAAAA
SF:AAAAAAAAAAAAAAA\0\0!\0\x01\0\0\0\0\0O\x04WS01\x20\x20\x20\x20\x20\x20\x
SF:20\x20\x20\x20\x20\0\x04\0WS01\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\
SF:x20\0\x04\0WS01\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x04\0CO
SF:RP\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\0\x84\0\0\x15\]\x01\x02\
SF:x03");
