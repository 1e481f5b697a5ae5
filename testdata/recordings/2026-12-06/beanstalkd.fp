# recorded by signet 0.1.0 from 127.0.0.1 port 41300/tcp on 2026-12-06T12:39:54Z
# source: Debian 12 beanstalkd 1.12-2+b1 on the loopback testbed (testbed/testbed.sh, id beanstalkd), recorded 2026-12-06 with signet --version-record
# expect: beanstalkd | *
SF-Port41300-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B15579A%P=x86_64-pc-linux
SF:-gnu%r(GenericLines,22,"UNKNOWN_COMMAND\r\nUNKNOWN_COMMAND\r\n")%r(GetR
SF:equest,22,"UNKNOWN_COMMAND\r\nUNKNOWN_COMMAND\r\n")%r(HTTPOptions,22,"U
SF:NKNOWN_COMMAND\r\nUNKNOWN_COMMAND\r\n")%r(RTSPRequest,22,"UNKNOWN_COMMA
SF:ND\r\nUNKNOWN_COMMAND\r\n")%r(Hello,11,"UNKNOWN_COMMAND\r\n")%r(Help,11
SF:,"UNKNOWN_COMMAND\r\n")%r(FourOhFourRequest,22,"UNKNOWN_COMMAND\r\nUNKN
SF:OWN_COMMAND\r\n")%r(redis-server,33,"UNKNOWN_COMMAND\r\nUNKNOWN_COMMAND
SF:\r\nUNKNOWN_COMMAND\r\n")%r(Memcache,3C8,"OK\x20958\r\n---\ncurrent-job
SF:s-urgent:\x200\ncurrent-jobs-ready:\x200\ncurrent-jobs-reserved:\x200\n
SF:current-jobs-delayed:\x200\ncurrent-jobs-buried:\x200\ncmd-put:\x200\nc
SF:md-peek:\x200\ncmd-peek-ready:\x200\ncmd-peek-delayed:\x200\ncmd-peek-b
SF:uried:\x200\ncmd-reserve:\x200\ncmd-reserve-with-timeout:\x200\ncmd-del
SF:ete:\x200\ncmd-release:\x200\ncmd-use:\x200\ncmd-watch:\x200\ncmd-ignor
SF:e:\x200\ncmd-bury:\x200\ncmd-kick:\x200\ncmd-touch:\x200\ncmd-stats:\x2
SF:01\ncmd-stats-job:\x200\ncmd-stats-tube:\x200\ncmd-list-tubes:\x200\ncm
SF:d-list-tube-used:\x200\ncmd-list-tubes-watched:\x200\ncmd-pause-tube:\x
SF:200\njob-timeouts:\x200\ntotal-jobs:\x200\nmax-job-size:\x2065535\ncurr
SF:ent-tubes:\x201\ncurrent-connections:\x201\ncurrent-producers:\x200\ncu
SF:rrent-workers:\x200\ncurrent-waiting:\x200\ntotal-connections:\x2011\np
SF:id:\x2012605\nversion:\x20\"1\.12\"\nrusage-utime:\x200\.008748\nrusage
SF:-stime:\x200\.013122\nuptime:\x2031\nbinlog-oldest-index:\x200\nbinlog-
SF:current-index:\x200\nbinlog-records-migrated:\x200\nbinlog-records-writ
SF:ten:\x200\nbinlog-max-size:\x2010485760\ndraining:\x20false\nid:\x20412
SF:ee6efcfdef444\nhostname:\x20vm\nos:\x20#1\x20SMP\x20PREEMPT_DYNAMIC\x20
SF:@0\nplatform:\x20x86_64\n\r\n")%r(IRCRegister,22,"UNKNOWN_COMMAND\r\nUN
SF:KNOWN_COMMAND\r\n")%r(TerminalServerCookie,C,"BAD_FORMAT\r\n");
