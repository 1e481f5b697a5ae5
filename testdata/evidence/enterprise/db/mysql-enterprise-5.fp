# source: hand-made: MySQL protocol HandshakeV10 with the server version 5.5.27-enterprise-commercial-advanced-log (as Rapid7 Recog xml/mysql_banners.xml lists it for MySQL Enterprise Edition)
# expect: mysql | MySQL Enterprise | 5.5.27 | advanced
SF-Port3306-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(NULL,71,"m\0\0\0\n5\.5\.27-enterprise-commercial-advanced-log\x00
SF:3\x07\0\0Kx3#p9Qa\0\xff\xff\xff\x02\0\xff\xdf\x15\0\0\0\0\0\0\0\0\0\x00
SF:7vL%2sQe0wZr\0mysql_native_password\0");
