# source: hand-made: Dragonfly answering INFO (its Server section has redis_version for compatibility and dragonfly_version; Dragonfly INFO command documentation)
# expect: redis | Dragonfly | 1.21.2
SF-Port6379-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(redis-server,CB,"\$195\r\n#\x20Server\r\nredis_version:7\.2\.0\r\
SF:ndragonfly_version:df-v1\.21\.2\r\nredis_mode:standalone\r\narch_bits:6
SF:4\r\nmultiplexing_api:epoll\r\ntcp_port:6379\r\nthread_count:2\r\nuptim
SF:e_in_seconds:3600\r\nuptime_in_days:0\r\n\r\n");
