# recorded by signet 0.1.0 from 127.0.0.1 port 41600/tcp on 2026-12-06T12:10:20Z
# source: Debian 12 mpd 0.23.12-1+b1 on the loopback testbed (testbed/testbed.sh, id mpd), recorded 2026-12-06 with signet --version-record
# expect: mpd | Music Player Daemon
SF-Port41600-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B1550AC%P=x86_64-pc-linux
SF:-gnu%r(NULL,E,"OK\x20MPD\x200\.23\.5\n")%r(GenericLines,E,"OK\x20MPD\x2
SF:00\.23\.5\n")%r(GetRequest,E,"OK\x20MPD\x200\.23\.5\n")%r(HTTPOptions,E
SF:,"OK\x20MPD\x200\.23\.5\n")%r(RTSPRequest,E,"OK\x20MPD\x200\.23\.5\n")%
SF:r(Hello,E,"OK\x20MPD\x200\.23\.5\n")%r(Help,E,"OK\x20MPD\x200\.23\.5\n"
SF:)%r(FourOhFourRequest,E,"OK\x20MPD\x200\.23\.5\n")%r(redis-server,E,"OK
SF:\x20MPD\x200\.23\.5\n")%r(Memcache,6C,"OK\x20MPD\x200\.23\.5\nuptime:\x
SF:20122\nplaytime:\x200\nartists:\x200\nalbums:\x200\nsongs:\x200\ndb_pla
SF:ytime:\x200\ndb_update:\x201796558880\nOK\n")%r(IRCRegister,E,"OK\x20MP
SF:D\x200\.23\.5\n")%r(XMPPStream,E,"OK\x20MPD\x200\.23\.5\n")%r(HELP4STOM
SF:P,E,"OK\x20MPD\x200\.23\.5\n")%r(GitUploadPack,E,"OK\x20MPD\x200\.23\.5
SF:\n")%r(VersionCommand,35,"OK\x20MPD\x200\.23\.5\nACK\x20\[5@0\]\x20{}\x
SF:20unknown\x20command\x20\"version\"\n")%r(SSLSessionReq,E,"OK\x20MPD\x2
SF:00\.23\.5\n")%r(TLSSessionReq,E,"OK\x20MPD\x200\.23\.5\n")%r(SSLv23Sess
SF:ionReq,E,"OK\x20MPD\x200\.23\.5\n")%r(RPCCheck,E,"OK\x20MPD\x200\.23\.5
SF:\n")%r(DNSVersionBindReqTCP,E,"OK\x20MPD\x200\.23\.5\n")%r(Kerberos,E,"
SF:OK\x20MPD\x200\.23\.5\n")%r(SMBProgNeg,E,"OK\x20MPD\x200\.23\.5\n")%r(T
SF:erminalServerCookie,E,"OK\x20MPD\x200\.23\.5\n")%r(X11Probe,E,"OK\x20MP
SF:D\x200\.23\.5\n")%r(LDAPSearchReq,E,"OK\x20MPD\x200\.23\.5\n")%r(JavaRM
SF:I,E,"OK\x20MPD\x200\.23\.5\n")%r(ms-sql-s,E,"OK\x20MPD\x200\.23\.5\n")%
SF:r(oracle-tns,E,"OK\x20MPD\x200\.23\.5\n")%r(mongodb-buildinfo,E,"OK\x20
SF:MPD\x200\.23\.5\n")%r(amqp,E,"OK\x20MPD\x200\.23\.5\n")%r(mqtt-sys-vers
SF:ion,E,"OK\x20MPD\x200\.23\.5\n")%r(kafka-apiversions,E,"OK\x20MPD\x200\
SF:.23\.5\n")%r(zabbix-agent-version,E,"OK\x20MPD\x200\.23\.5\n")%r(epmd,E
SF:,"OK\x20MPD\x200\.23\.5\n")%r(OpenVPN,E,"OK\x20MPD\x200\.23\.5\n")%r(ST
SF:UNBindingReqTCP,E,"OK\x20MPD\x200\.23\.5\n")%r(modbus-devid,E,"OK\x20MP
SF:D\x200\.23\.5\n")%r(s7-szl,E,"OK\x20MPD\x200\.23\.5\n")%r(enip-listiden
SF:tity,E,"OK\x20MPD\x200\.23\.5\n")%r(dnp3-linkstatus,E,"OK\x20MPD\x200\.
SF:23\.5\n")%r(opcua-hello,E,"OK\x20MPD\x200\.23\.5\n");
