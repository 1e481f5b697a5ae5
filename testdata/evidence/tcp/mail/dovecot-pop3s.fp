# source: Debian 12 dovecot-pop3d 1:2.3.19.1+dfsg1-2.1+deb12u7 pop3s, captured on loopback
# expect: ssl/pop3 | Dovecot pop3d
SF-Port47024-TCP:V=signet-0.1.0%T=SSL%I=9%D=11/25%Time=6B073B7F%P=x86_64-p
SF:c-linux-gnu%r(NULL,1D,"\+OK\x20Dovecot\x20\(Debian\)\x20ready\.\r\n")%r
SF:(GenericLines,4B,"\+OK\x20Dovecot\x20\(Debian\)\x20ready\.\r\n-ERR\x20U
SF:nknown\x20command\.\r\n-ERR\x20Unknown\x20command\.\r\n")%r(GetRequest,
SF:4B,"\+OK\x20Dovecot\x20\(Debian\)\x20ready\.\r\n-ERR\x20Unknown\x20comm
SF:and\.\r\n-ERR\x20Unknown\x20command\.\r\n")%r(HTTPOptions,4B,"\+OK\x20D
SF:ovecot\x20\(Debian\)\x20ready\.\r\n-ERR\x20Unknown\x20command\.\r\n-ERR
SF:\x20Unknown\x20command\.\r\n")%r(RTSPRequest,4B,"\+OK\x20Dovecot\x20\(D
SF:ebian\)\x20ready\.\r\n-ERR\x20Unknown\x20command\.\r\n-ERR\x20Unknown\x
SF:20command\.\r\n")%r(Hello,34,"\+OK\x20Dovecot\x20\(Debian\)\x20ready\.\
SF:r\n-ERR\x20Unknown\x20command\.\r\n")%r(Help,34,"\+OK\x20Dovecot\x20\(D
SF:ebian\)\x20ready\.\r\n-ERR\x20Unknown\x20command\.\r\n")%r(FourOhFourRe
SF:quest,4B,"\+OK\x20Dovecot\x20\(Debian\)\x20ready\.\r\n-ERR\x20Unknown\x
SF:20command\.\r\n-ERR\x20Unknown\x20command\.\r\n")%r(redis-server,87,"\+
SF:OK\x20Dovecot\x20\(Debian\)\x20ready\.\r\n-ERR\x20Unknown\x20command\.\
SF:r\n-ERR\x20Unknown\x20command\.\r\n-ERR\x20Unknown\x20command\.\r\n-ERR
SF:\x20Too\x20many\x20invalid\x20bad\x20commands\.\r\n")%r(Memcache,34,"\+
SF:OK\x20Dovecot\x20\(Debian\)\x20ready\.\r\n-ERR\x20Unknown\x20command\.\
SF:r\n")%r(IRCRegister,39,"\+OK\x20Dovecot\x20\(Debian\)\x20ready\.\r\n-ER
SF:R\x20Unknown\x20command\.\r\n\+OK\r\n")%r(XMPPStream,1D,"\+OK\x20Doveco
SF:t\x20\(Debian\)\x20ready\.\r\n")%r(HELP4STOMP,4B,"\+OK\x20Dovecot\x20\(
SF:Debian\)\x20ready\.\r\n-ERR\x20Unknown\x20command\.\r\n-ERR\x20Unknown\
SF:x20command\.\r\n")%r(GitUploadPack,1D,"\+OK\x20Dovecot\x20\(Debian\)\x2
SF:0ready\.\r\n")%r(VersionCommand,34,"\+OK\x20Dovecot\x20\(Debian\)\x20re
SF:ady\.\r\n-ERR\x20Unknown\x20command\.\r\n");
