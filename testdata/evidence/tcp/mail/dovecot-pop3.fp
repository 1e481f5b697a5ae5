# source: Debian 12 dovecot-pop3d 1:2.3.19.1+dfsg1-2.1+deb12u7, captured on loopback
# expect: pop3 | Dovecot pop3d
SF-Port47022-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B72%P=x86_64-pc-linu
SF:x-gnu%r(NULL,1D,"\+OK\x20Dovecot\x20\(Debian\)\x20ready\.\r\n")%r(Gener
SF:icLines,4B,"\+OK\x20Dovecot\x20\(Debian\)\x20ready\.\r\n-ERR\x20Unknown
SF:\x20command\.\r\n-ERR\x20Unknown\x20command\.\r\n")%r(GetRequest,4B,"\+
SF:OK\x20Dovecot\x20\(Debian\)\x20ready\.\r\n-ERR\x20Unknown\x20command\.\
SF:r\n-ERR\x20Unknown\x20command\.\r\n")%r(HTTPOptions,4B,"\+OK\x20Dovecot
SF:\x20\(Debian\)\x20ready\.\r\n-ERR\x20Unknown\x20command\.\r\n-ERR\x20Un
SF:known\x20command\.\r\n")%r(RTSPRequest,4B,"\+OK\x20Dovecot\x20\(Debian\
SF:)\x20ready\.\r\n-ERR\x20Unknown\x20command\.\r\n-ERR\x20Unknown\x20comm
SF:and\.\r\n")%r(Hello,34,"\+OK\x20Dovecot\x20\(Debian\)\x20ready\.\r\n-ER
SF:R\x20Unknown\x20command\.\r\n")%r(Help,34,"\+OK\x20Dovecot\x20\(Debian\
SF:)\x20ready\.\r\n-ERR\x20Unknown\x20command\.\r\n")%r(FourOhFourRequest,
SF:4B,"\+OK\x20Dovecot\x20\(Debian\)\x20ready\.\r\n-ERR\x20Unknown\x20comm
SF:and\.\r\n-ERR\x20Unknown\x20command\.\r\n")%r(redis-server,87,"\+OK\x20
SF:Dovecot\x20\(Debian\)\x20ready\.\r\n-ERR\x20Unknown\x20command\.\r\n-ER
SF:R\x20Unknown\x20command\.\r\n-ERR\x20Unknown\x20command\.\r\n-ERR\x20To
SF:o\x20many\x20invalid\x20bad\x20commands\.\r\n")%r(Memcache,34,"\+OK\x20
SF:Dovecot\x20\(Debian\)\x20ready\.\r\n-ERR\x20Unknown\x20command\.\r\n")%
SF:r(IRCRegister,39,"\+OK\x20Dovecot\x20\(Debian\)\x20ready\.\r\n-ERR\x20U
SF:nknown\x20command\.\r\n\+OK\r\n")%r(XMPPStream,1D,"\+OK\x20Dovecot\x20\
SF:(Debian\)\x20ready\.\r\n")%r(HELP4STOMP,4B,"\+OK\x20Dovecot\x20\(Debian
SF:\)\x20ready\.\r\n-ERR\x20Unknown\x20command\.\r\n-ERR\x20Unknown\x20com
SF:mand\.\r\n")%r(GitUploadPack,1D,"\+OK\x20Dovecot\x20\(Debian\)\x20ready
SF:\.\r\n")%r(VersionCommand,34,"\+OK\x20Dovecot\x20\(Debian\)\x20ready\.\
SF:r\n-ERR\x20Unknown\x20command\.\r\n");
