# source: hand-made: Valkey 8 answering INFO (its Server section keeps redis_version 7.2.4 for compatibility and adds server_name and valkey_version; Valkey INFO documentation)
# expect: redis | Valkey | 8.0.1
SF-Port6379-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(redis-server,13E,"\$310\r\n#\x20Server\r\nredis_version:7\.2\.4\r
SF:\nserver_name:valkey\r\nvalkey_version:8\.0\.1\r\nredis_git_sha1:000000
SF:00\r\nredis_git_dirty:0\r\nredis_build_id:1bd2a3b0c4d5e6f7\r\nserver_mo
SF:de:standalone\r\nos:Linux\x206\.1\.0-28-amd64\x20x86_64\r\narch_bits:64
SF:\r\nmonotonic_clock:POSIX\x20clock_gettime\r\nmultiplexing_api:epoll\r\
SF:nprocess_id:1\r\ntcp_port:6379\r\n\r\n");
