# source: hand-made from the MySQL client/server protocol doc (Protocol::HandshakeV10), Ubuntu 22.04 mysql-server 8.0.36-0ubuntu0.22.04.1 version string
# expect: mysql | MySQL | 8.0.36 | Ubuntu package 0ubuntu0.22.04.1
SF-Port3306-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,5F,"\[\0\0\0\n8\.0\.36-0ubuntu0\.22\.04\.1\0\*\0\0\0abcdefg
SF:h\0\xff\xf7!\x02\0\xff\x81\x15\0\0\0\0\0\0\0\0\0\0ijklmnopqrst\0caching
SF:_sha2_password\0");
