# source: hand-made from the MySQL client/server protocol doc (Protocol::HandshakeV10), MySQL Community 8.0.35
# expect: mysql | MySQL | 8.0.35 | 
SF-Port3306-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,4E,"J\0\0\0\n8\.0\.35\0\*\0\0\0abcdefgh\0\xff\xf7!\x02\0\xf
SF:f\x81\x15\0\0\0\0\0\0\0\0\0\0ijklmnopqrst\0caching_sha2_password\0");
