# source: hand-made from RFC 1002 4.2.18 (NODE STATUS RESPONSE; Samba nmbd sends a zero unit ID and statistics)
# expect: netbios-ns | Samba nmbd netbios-ns |  | workgroup: SIGNETWG
SF-Port137-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(NBTStat,C1,"\x80\xf0\x84\0\0\0\0\x01\0\0\0\0\x20CKAAAAAAAAAAAAAAA
SF:AAAAAAAAAAAAAAA\0\0!\0\x01\0\0\0\0\0\x89\x05FILESRV\x20\x20\x20\x20\x20
SF:\x20\x20\x20\0\x04\0FILESRV\x20\x20\x20\x20\x20\x20\x20\x20\0\x04\0FILE
SF:SRV\x20\x20\x20\x20\x20\x20\x20\x20\x20\x04\0SIGNETWG\x20\x20\x20\x20\x
SF:20\x20\x20\0\x84\0SIGNETWG\x20\x20\x20\x20\x20\x20\x20\0\x04\0\0\0\0\0\
SF:0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0
SF:\0\0\0\0\0\0");
