# source: hand-made from the MySQL client/server protocol doc (Protocol::HandshakeV10), Percona Server 8.0.35-27
# expect: mysql | Percona Server for MySQL | 8.0.35-27 | 
SF-Port3306-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,51,"M\0\0\0\n8\.0\.35-27\0\*\0\0\0abcdefgh\0\xff\xf7!\x02\0
SF:\xff\x81\x15\0\0\0\0\0\0\0\0\0\0ijklmnopqrst\0caching_sha2_password\0");
