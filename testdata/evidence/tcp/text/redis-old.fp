# source: hand-made from the RESP spec: a Redis-compatible server that refuses INFO, found through its empty-command error
# expect: redis | Redis key-value store
SF-Port6380-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GenericLines,19,"-ERR\x20unknown\x20command\x20''\r\n")%r(redis-
SF:server,1D,"-ERR\x20unknown\x20command\x20'info'\r\n");
