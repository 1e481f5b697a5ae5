# source: hand-made from the RESP spec (Redis 6+ with requirepass: NOAUTH error)
# expect: redis | Redis key-value store | | authentication required
SF-Port6379-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(redis-server,22,"-NOAUTH\x20Authentication\x20required\.\r\n");
