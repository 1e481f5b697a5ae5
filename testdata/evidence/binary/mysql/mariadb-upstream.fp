# source: hand-made from the MySQL client/server protocol doc (Protocol::HandshakeV10), MariaDB 11.4.2 upstream build
# expect: mysql | MariaDB | 11.4.2 | 
SF-Port3306-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,56,"R\0\0\0\n11\.4\.2-MariaDB\0\*\0\0\0abcdefgh\0\xff\xf7!\
SF:x02\0\xff\x81\x15\0\0\0\0\0\0\0\0\0\0ijklmnopqrst\0mysql_native_passwor
SF:d\0");
