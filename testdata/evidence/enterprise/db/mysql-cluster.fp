# source: hand-made: MySQL protocol HandshakeV10 with the server version 5.5.20-ndb-7.2.5-gpl (the NDB Cluster version form "<mysql>-ndb-<ndb>", as Rapid7 Recog xml/mysql_banners.xml lists it for MySQL Cluster)
# expect: mysql | MySQL Cluster | 7.2.5 | MySQL 5.5.20
SF-Port3306-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(NULL,5C,"X\0\0\0\n5\.5\.20-ndb-7\.2\.5-gpl\x003\x07\0\0Kx3#p9Qa\0
SF:\xff\xff\xff\x02\0\xff\xdf\x15\0\0\0\0\0\0\0\0\0\x007vL%2sQe0wZr\0mysql
SF:_native_password\0");
