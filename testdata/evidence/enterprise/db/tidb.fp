# source: hand-made: MySQL protocol HandshakeV10 with the server version 5.7.25-TiDB-v6.5.0 (TiDB reports "<MySQL compatibility version>-TiDB-v<TiDB version>" (TiDB documentation, server-version and VERSION()))
# expect: mysql | TiDB | 6.5.0
SF-Port3306-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(NULL,5A,"V\0\0\0\n5\.7\.25-TiDB-v6\.5\.0\x003\x07\0\0Kx3#p9Qa\0\x
SF:ff\xff\xff\x02\0\xff\xdf\x15\0\0\0\0\0\0\0\0\0\x007vL%2sQe0wZr\0mysql_n
SF:ative_password\0");
