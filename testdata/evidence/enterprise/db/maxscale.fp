# source: hand-made: MySQL protocol HandshakeV10 with the server version 5.5.5-10.0.0 2.1.14-maxscale (MariaDB MaxScale's version string, as Rapid7 Recog xml/mysql_banners.xml lists it)
# expect: mysql | MariaDB MaxScale | 2.1.14
SF-Port3306-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(NULL,64,"`\0\0\0\n5\.5\.5-10\.0\.0\x202\.1\.14-maxscale\x003\x07\
SF:0\0Kx3#p9Qa\0\xff\xff\xff\x02\0\xff\xdf\x15\0\0\0\0\0\0\0\0\0\x007vL%2s
SF:Qe0wZr\0mysql_native_password\0");
