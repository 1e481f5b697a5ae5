# source: Debian 12 beanstalkd 1.12-2+b1, captured on loopback
# expect: beanstalkd | beanstalkd | 1.12
SF-Port47034-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B74%P=x86_64-pc-linu
SF:x-gnu%r(GenericLines,22,"UNKNOWN_COMMAND\r\nUNKNOWN_COMMAND\r\n")%r(Get
SF:Request,22,"UNKNOWN_COMMAND\r\nUNKNOWN_COMMAND\r\n")%r(HTTPOptions,22,"
SF:UNKNOWN_COMMAND\r\nUNKNOWN_COMMAND\r\n")%r(RTSPRequest,22,"UNKNOWN_COMM
SF:AND\r\nUNKNOWN_COMMAND\r\n")%r(Hello,11,"UNKNOWN_COMMAND\r\n")%r(Help,1
SF:1,"UNKNOWN_COMMAND\r\n")%r(FourOhFourRequest,22,"UNKNOWN_COMMAND\r\nUNK
SF:NOWN_COMMAND\r\n")%r(redis-server,33,"UNKNOWN_COMMAND\r\nUNKNOWN_COMMAN
SF:D\r\nUNKNOWN_COMMAND\r\n")%r(Memcache,3C9,"OK\x20959\r\n---\ncurrent-jo
SF:bs-urgent:\x200\ncurrent-jobs-ready:\x200\ncurrent-jobs-reserved:\x200\
SF:ncurrent-jobs-delayed:\x200\ncurrent-jobs-buried:\x200\ncmd-put:\x200\n
SF:cmd-peek:\x200\ncmd-peek-ready:\x200\ncmd-peek-delayed:\x200\ncmd-peek-
SF:buried:\x200\ncmd-reserve:\x200\ncmd-reserve-with-timeout:\x200\ncmd-de
SF:lete:\x200\ncmd-release:\x200\ncmd-use:\x200\ncmd-watch:\x200\ncmd-igno
SF:re:\x200\ncmd-bury:\x200\ncmd-kick:\x200\ncmd-touch:\x200\ncmd-stats:\x
SF:202\ncmd-stats-job:\x200\ncmd-stats-tube:\x200\ncmd-list-tubes:\x200\nc
SF:md-list-tube-used:\x200\ncmd-list-tubes-watched:\x200\ncmd-pause-tube:\
SF:x200\njob-timeouts:\x200\ntotal-jobs:\x200\nmax-job-size:\x2065535\ncur
SF:rent-tubes:\x201\ncurrent-connections:\x203\ncurrent-producers:\x200\nc
SF:urrent-workers:\x200\ncurrent-waiting:\x200\ntotal-connections:\x2055\n
SF:pid:\x2014335\nversion:\x20\"1\.12\"\nrusage-utime:\x200\.000000\nrusag
SF:e-stime:\x200\.005181\nuptime:\x20172\nbinlog-oldest-index:\x200\nbinlo
SF:g-current-index:\x200\nbinlog-records-migrated:\x200\nbinlog-records-wr
SF:itten:\x200\nbinlog-max-size:\x2010485760\ndraining:\x20false\nid:\x20d
SF:8b54a3b0654dbb0\nhostname:\x20vm\nos:\x20#1\x20SMP\x20PREEMPT_DYNAMIC\x
SF:20@0\nplatform:\x20x86_64\n\r\n")%r(IRCRegister,22,"UNKNOWN_COMMAND\r\n
SF:UNKNOWN_COMMAND\r\n");
