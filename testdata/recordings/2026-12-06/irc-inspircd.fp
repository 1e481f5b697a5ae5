# recorded by signet 0.1.0 from 127.0.0.1 port 41668/tcp on 2026-12-06T12:10:23Z
# source: Debian 12 inspircd 3.15.0-1 on the loopback testbed (testbed/testbed.sh, id irc-inspircd), recorded 2026-12-06 with signet --version-record
# expect: irc | InspIRCd
SF-Port41668-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B1550AF%P=x86_64-pc-linux
SF:-gnu%r(redis-server,38,":irc2\.signet\.test\x20451\x20\*\x20INFO\x20:Yo
SF:u\x20have\x20not\x20registered\.\r\n")%r(Memcache,37,":irc2\.signet\.te
SF:st\x20461\x20\*\x20STATS\x20:Not\x20enough\x20parameters\.\r\n")%r(IRCR
SF:egister,521,":irc2\.signet\.test\x20001\x20signet\x20:Welcome\x20to\x20
SF:the\x20SignetTest\x20IRC\x20Network\x20signet!signet@127\.0\.0\.1\r\n:i
SF:rc2\.signet\.test\x20002\x20signet\x20:Your\x20host\x20is\x20irc2\.sign
SF:et\.test,\x20running\x20version\x20InspIRCd-3\r\n:irc2\.signet\.test\x2
SF:0003\x20signet\x20:This\x20server\x20was\x20created\x2012:08:00\x20Dec\
SF:x2006\x202026\r\n:irc2\.signet\.test\x20004\x20signet\x20irc2\.signet\.
SF:test\x20InspIRCd-3\x20iosw\x20biklmnopstv\x20:bklov\r\n:irc2\.signet\.t
SF:est\x20005\x20signet\x20AWAYLEN=200\x20CASEMAPPING=rfc1459\x20CHANLIMIT
SF:=#:20\x20CHANMODES=b,k,l,imnpst\x20CHANNELLEN=64\x20CHANTYPES=#\x20ELIS
SF:T=CMNTU\x20HOSTLEN=64\x20KEYLEN=32\x20KICKLEN=255\x20LINELEN=512\x20MAX
SF:LIST=b:100\x20:are\x20supported\x20by\x20this\x20server\r\n:irc2\.signe
SF:t\.test\x20005\x20signet\x20MAXTARGETS=20\x20MODES=20\x20NAMELEN=128\x2
SF:0NETWORK=SignetTest\x20NICKLEN=30\x20PREFIX=\(ov\)@\+\x20SAFELIST\x20ST
SF:ATUSMSG=@\+\x20TOPICLEN=307\x20USERLEN=10\x20USERMODES=,,s,iow\x20WHOX\
SF:x20:are\x20supported\x20by\x20this\x20server\r\n:irc2\.signet\.test\x20
SF:251\x20signet\x20:There\x20are\x200\x20users\x20and\x200\x20invisible\x
SF:20on\x201\x20servers\r\n:irc2\.signet\.test\x20253\x20signet\x207\x20:u
SF:nknown\x20connections\r\n:irc2\.signet\.test\x20254\x20signet\x200\x20:
SF:channels\x20formed\r\n:irc2\.signet\.test\x20255\x20signet\x20:I\x20hav
SF:e\x200\x20clients\x20and\x200\x20servers\r\n:irc2\.signet\.test\x20265\
SF:x20signet\x20:Current\x20local\x20users:\x200\x20\x20Max:\x200\r\n:irc2
SF:\.signet\.test\x20266\x20signet\x20:Current\x20global\x20users:\x200\x2
SF:0\x20Max:\x200\r\n:irc2\.signet\.test\x20375\x20signet\x20:irc2\.signet
SF:\.test\x20message\x20of\x20the\x20day\r\n:irc2\.signet\.test\x20372\x20
SF:signet\x20:signet\x20testbed\r\n:irc2\.signet\.test\x20376\x20signet\x2
SF:0:End\x20of\x20message\x20of\x20the\x20day\.\r\n")%r(VersionCommand,3B,
SF:":irc2\.signet\.test\x20451\x20\*\x20VERSION\x20:You\x20have\x20not\x20
SF:registered\.\r\n");
