# source: Debian 12 vsftpd 3.0.3-13+b2, captured on loopback
# expect: ftp | vsftpd | 3.0.3
SF-Port47026-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B71%P=x86_64-pc-linu
SF:x-gnu%r(NULL,14,"220\x20\(vsFTPd\x203\.0\.3\)\r\n")%r(GenericLines,14,"
SF:220\x20\(vsFTPd\x203\.0\.3\)\r\n")%r(GetRequest,3A,"220\x20\(vsFTPd\x20
SF:3\.0\.3\)\r\n530\x20Please\x20login\x20with\x20USER\x20and\x20PASS\.\r\
SF:n")%r(HTTPOptions,3A,"220\x20\(vsFTPd\x203\.0\.3\)\r\n530\x20Please\x20
SF:login\x20with\x20USER\x20and\x20PASS\.\r\n")%r(RTSPRequest,3A,"220\x20\
SF:(vsFTPd\x203\.0\.3\)\r\n530\x20Please\x20login\x20with\x20USER\x20and\x
SF:20PASS\.\r\n")%r(Hello,3A,"220\x20\(vsFTPd\x203\.0\.3\)\r\n530\x20Pleas
SF:e\x20login\x20with\x20USER\x20and\x20PASS\.\r\n")%r(Help,3A,"220\x20\(v
SF:sFTPd\x203\.0\.3\)\r\n530\x20Please\x20login\x20with\x20USER\x20and\x20
SF:PASS\.\r\n")%r(FourOhFourRequest,3A,"220\x20\(vsFTPd\x203\.0\.3\)\r\n53
SF:0\x20Please\x20login\x20with\x20USER\x20and\x20PASS\.\r\n")%r(redis-ser
SF:ver,86,"220\x20\(vsFTPd\x203\.0\.3\)\r\n530\x20Please\x20login\x20with\
SF:x20USER\x20and\x20PASS\.\r\n530\x20Please\x20login\x20with\x20USER\x20a
SF:nd\x20PASS\.\r\n530\x20Please\x20login\x20with\x20USER\x20and\x20PASS\.
SF:\r\n")%r(Memcache,3A,"220\x20\(vsFTPd\x203\.0\.3\)\r\n530\x20Please\x20
SF:login\x20with\x20USER\x20and\x20PASS\.\r\n")%r(IRCRegister,62,"220\x20\
SF:(vsFTPd\x203\.0\.3\)\r\n530\x20Please\x20login\x20with\x20USER\x20and\x
SF:20PASS\.\r\n530\x20This\x20FTP\x20server\x20is\x20anonymous\x20only\.\r
SF:\n")%r(XMPPStream,14,"220\x20\(vsFTPd\x203\.0\.3\)\r\n")%r(HELP4STOMP,3
SF:A,"220\x20\(vsFTPd\x203\.0\.3\)\r\n530\x20Please\x20login\x20with\x20US
SF:ER\x20and\x20PASS\.\r\n")%r(GitUploadPack,14,"220\x20\(vsFTPd\x203\.0\.
SF:3\)\r\n")%r(VersionCommand,3A,"220\x20\(vsFTPd\x203\.0\.3\)\r\n530\x20P
SF:lease\x20login\x20with\x20USER\x20and\x20PASS\.\r\n");
