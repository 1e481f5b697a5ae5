# recorded by signet 0.1.0 from 127.0.0.1 port 41600/tcp on 2026-12-06T12:39:53Z
# source: Debian 12 mpd 0.23.12-1+b1 on the loopback testbed (testbed/testbed.sh, id mpd), recorded 2026-12-06 with signet --version-record
# expect: mpd | Music Player Daemon
SF-Port41600-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B155799%P=x86_64-pc-linux
SF:-gnu%r(NULL,E,"OK\x20MPD\x200\.23\.5\n")%r(GenericLines,E,"OK\x20MPD\x2
SF:00\.23\.5\n")%r(GetRequest,E,"OK\x20MPD\x200\.23\.5\n")%r(HTTPOptions,E
SF:,"OK\x20MPD\x200\.23\.5\n")%r(RTSPRequest,E,"OK\x20MPD\x200\.23\.5\n")%
SF:r(Hello,E,"OK\x20MPD\x200\.23\.5\n")%r(Help,E,"OK\x20MPD\x200\.23\.5\n"
SF:)%r(FourOhFourRequest,E,"OK\x20MPD\x200\.23\.5\n")%r(redis-server,E,"OK
SF:\x20MPD\x200\.23\.5\n")%r(Memcache,6B,"OK\x20MPD\x200\.23\.5\nuptime:\x
SF:2029\nplaytime:\x200\nartists:\x200\nalbums:\x200\nsongs:\x200\ndb_play
SF:time:\x200\ndb_update:\x201796560743\nOK\n")%r(IRCRegister,E,"OK\x20MPD
SF:\x200\.23\.5\n")%r(XMPPStream,E,"OK\x20MPD\x200\.23\.5\n")%r(HELP4STOMP
SF:,E,"OK\x20MPD\x200\.23\.5\n")%r(GitUploadPack,E,"OK\x20MPD\x200\.23\.5\
SF:n")%r(VersionCommand,35,"OK\x20MPD\x200\.23\.5\nACK\x20\[5@0\]\x20{}\x2
SF:0unknown\x20command\x20\"version\"\n")%r(SSLSessionReq,E,"OK\x20MPD\x20
SF:0\.23\.5\n")%r(TLSSessionReq,E,"OK\x20MPD\x200\.23\.5\n")%r(SSLv23Sessi
SF:onReq,E,"OK\x20MPD\x200\.23\.5\n")%r(RPCCheck,E,"OK\x20MPD\x200\.23\.5\
SF:n")%r(DNSVersionBindReqTCP,E,"OK\x20MPD\x200\.23\.5\n")%r(Kerberos,E,"O
SF:K\x20MPD\x200\.23\.5\n")%r(SMBProgNeg,E,"OK\x20MPD\x200\.23\.5\n")%r(Te
SF:rminalServerCookie,E,"OK\x20MPD\x200\.23\.5\n")%r(X11Probe,E,"OK\x20MPD
SF:\x200\.23\.5\n")%r(LDAPSearchReq,E,"OK\x20MPD\x200\.23\.5\n")%r(JavaRMI
SF:,E,"OK\x20MPD\x200\.23\.5\n")%r(ms-sql-s,E,"OK\x20MPD\x200\.23\.5\n")%r
SF:(oracle-tns,E,"OK\x20MPD\x200\.23\.5\n")%r(mongodb-buildinfo,E,"OK\x20M
SF:PD\x200\.23\.5\n")%r(amqp,E,"OK\x20MPD\x200\.23\.5\n")%r(mqtt-sys-versi
SF:on,E,"OK\x20MPD\x200\.23\.5\n")%r(kafka-apiversions,E,"OK\x20MPD\x200\.
SF:23\.5\n")%r(zabbix-agent-version,E,"OK\x20MPD\x200\.23\.5\n")%r(epmd,E,
SF:"OK\x20MPD\x200\.23\.5\n")%r(OpenVPN,E,"OK\x20MPD\x200\.23\.5\n")%r(STU
SF:NBindingReqTCP,E,"OK\x20MPD\x200\.23\.5\n")%r(modbus-devid,E,"OK\x20MPD
SF:\x200\.23\.5\n")%r(s7-szl,E,"OK\x20MPD\x200\.23\.5\n")%r(enip-listident
SF:ity,E,"OK\x20MPD\x200\.23\.5\n")%r(dnp3-linkstatus,E,"OK\x20MPD\x200\.2
SF:3\.5\n")%r(opcua-hello,E,"OK\x20MPD\x200\.23\.5\n");
