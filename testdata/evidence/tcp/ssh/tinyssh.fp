# source: Debian 12 tinysshd 20230101-1 (under socat), captured on loopback
# expect: ssh | TinySSH | 20230101 | protocol 2.0
SF-Port44018-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B77%P=x86_64-pc-linu
SF:x-gnu%r(NULL,25,"SSH-2\.0-tinyssh_20230101-1\x20gIy0TQvr\r\n")%r(GetReq
SF:uest,25,"SSH-2\.0-tinyssh_20230101-1\x20VLDfCMk2\r\n")%r(HTTPOptions,25
SF:,"SSH-2\.0-tinyssh_20230101-1\x20O8my2M3q\r\n")%r(RTSPRequest,25,"SSH-2
SF:\.0-tinyssh_20230101-1\x20MqtghTFY\r\n")%r(Hello,25,"SSH-2\.0-tinyssh_2
SF:0230101-1\x20hzXB0x9r\r\n")%r(Help,25,"SSH-2\.0-tinyssh_20230101-1\x200
SF:eiBAcdG\r\n")%r(FourOhFourRequest,25,"SSH-2\.0-tinyssh_20230101-1\x208q
SF:peEDxE\r\n")%r(redis-server,25,"SSH-2\.0-tinyssh_20230101-1\x20gQWcS8IG
SF:\r\n")%r(Memcache,25,"SSH-2\.0-tinyssh_20230101-1\x20gl4kz6b9\r\n")%r(I
SF:RCRegister,25,"SSH-2\.0-tinyssh_20230101-1\x20G69atx8h\r\n")%r(XMPPStre
SF:am,25,"SSH-2\.0-tinyssh_20230101-1\x20lOq9GuGc\r\n")%r(HELP4STOMP,25,"S
SF:SH-2\.0-tinyssh_20230101-1\x20LBcRYu3o\r\n")%r(GitUploadPack,25,"SSH-2\
SF:.0-tinyssh_20230101-1\x20bVyOhhUm\r\n")%r(VersionCommand,25,"SSH-2\.0-t
SF:inyssh_20230101-1\x200y71zavH\r\n");
