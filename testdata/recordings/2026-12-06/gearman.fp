# recorded by signet 0.1.0 from 127.0.0.1 port 41730/tcp on 2026-12-06T12:39:55Z
# source: Debian 12 gearman-job-server 1.1.20+ds-1 on the loopback testbed (testbed/testbed.sh, id gearman), recorded 2026-12-06 with signet --version-record
# expect: gearman | Gearman Job Queue System
SF-Port41730-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B15579B%P=x86_64-pc-linux
SF:-gnu%r(GenericLines,58,"ERR\x20UNKNOWN_COMMAND\x20Unknown\+server\+comm
SF:and\r\nERR\x20UNKNOWN_COMMAND\x20Unknown\+server\+command\r\n")%r(GetRe
SF:quest,5B,"ERR\x20UNKNOWN_COMMAND\x20Unknown\+server\+commandGET\r\nERR\
SF:x20UNKNOWN_COMMAND\x20Unknown\+server\+command\r\n")%r(HTTPOptions,5F,"
SF:ERR\x20UNKNOWN_COMMAND\x20Unknown\+server\+commandOPTIONS\r\nERR\x20UNK
SF:NOWN_COMMAND\x20Unknown\+server\+command\r\n")%r(RTSPRequest,5F,"ERR\x2
SF:0UNKNOWN_COMMAND\x20Unknown\+server\+commandOPTIONS\r\nERR\x20UNKNOWN_C
SF:OMMAND\x20Unknown\+server\+command\r\n")%r(Hello,30,"ERR\x20UNKNOWN_COM
SF:MAND\x20Unknown\+server\+commandEHLO\r\n")%r(Help,30,"ERR\x20UNKNOWN_CO
SF:MMAND\x20Unknown\+server\+commandHELP\r\n")%r(FourOhFourRequest,5B,"ERR
SF:\x20UNKNOWN_COMMAND\x20Unknown\+server\+commandGET\r\nERR\x20UNKNOWN_CO
SF:MMAND\x20Unknown\+server\+command\r\n")%r(redis-server,8C,"ERR\x20UNKNO
SF:WN_COMMAND\x20Unknown\+server\+command\*1\r\nERR\x20UNKNOWN_COMMAND\x20
SF:Unknown\+server\+command\$4\r\nERR\x20UNKNOWN_COMMAND\x20Unknown\+serve
SF:r\+commandinfo\r\n")%r(Memcache,31,"ERR\x20UNKNOWN_COMMAND\x20Unknown\+
SF:server\+commandstats\r\n")%r(IRCRegister,60,"ERR\x20UNKNOWN_COMMAND\x20
SF:Unknown\+server\+commandNICK\r\nERR\x20UNKNOWN_COMMAND\x20Unknown\+serv
SF:er\+commandUSER\r\n")%r(HELP4STOMP,5C,"ERR\x20UNKNOWN_COMMAND\x20Unknow
SF:n\+server\+commandHELP\r\nERR\x20UNKNOWN_COMMAND\x20Unknown\+server\+co
SF:mmand\r\n")%r(VersionCommand,D,"OK\x201\.1\.20\+ds\n")%r(TerminalServer
SF:Cookie,2D,"ERR\x20UNKNOWN_COMMAND\x20Unknown\+server\+command\x03\r\n")
SF:%r(LDAPSearchReq,5B,"ERR\x20UNKNOWN_COMMAND\x20Unknown\+server\+command
SF:0\x84\r\nERR\x20UNKNOWN_COMMAND\x20Unknown\+server\+command\x01\r\n")%r
SF:(s7-szl,2D,"ERR\x20UNKNOWN_COMMAND\x20Unknown\+server\+command\x03\r\n"
SF:);
