# recorded by signet 0.1.0 from 127.0.0.1 port 41668/tcp on 2026-12-06T12:39:55Z
# source: Debian 12 inspircd 3.15.0-1 on the loopback testbed (testbed/testbed.sh, id irc-inspircd), recorded 2026-12-06 with signet --version-record
# expect: irc | InspIRCd
SF-Port41668-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B15579B%P=x86_64-pc-linux
SF:-gnu%r(redis-server,38,":irc2\.signet\.test\x20451\x20\*\x20INFO\x20:Yo
SF:u\x20have\x20not\x20registered\.\r\n")%r(Memcache,37,":irc2\.signet\.te
SF:st\x20461\x20\*\x20STATS\x20:Not\x20enough\x20parameters\.\r\n")%r(Vers
SF:ionCommand,3B,":irc2\.signet\.test\x20451\x20\*\x20VERSION\x20:You\x20h
SF:ave\x20not\x20registered\.\r\n");
