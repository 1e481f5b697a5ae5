# source: hand-made from the MySQL client/server protocol doc (Protocol::HandshakeV10), Ubuntu 22.04 mariadb-server 1:10.6.16-0ubuntu0.22.04.1 version string
# expect: mysql | MariaDB | 10.6.16 | Ubuntu package 0ubuntu0.22.04.1
SF-Port3306-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,6E,"j\0\0\0\n5\.5\.5-10\.6\.16-MariaDB-0ubuntu0\.22\.04\.1\
SF:0\*\0\0\0abcdefgh\0\xff\xf7!\x02\0\xff\x81\x15\0\0\0\0\0\0\0\0\0\0ijklm
SF:nopqrst\0mysql_native_password\0");
