# source: Debian 12 mariadb-server 1:10.11.19-0+deb12u1, captured on 127.0.0.1 with signet --version-record
# expect: mysql | MariaDB | 10.11.19 | Debian package 0+deb12u1
SF-Port44524-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B58%P=x86_64-pc-linu
SF:x-gnu%r(NULL,68,"d\0\0\0\n5\.5\.5-10\.11\.19-MariaDB-0\+deb12u1\0\x04\0
SF:\0\x003R#S\[NWJ\0\xfe\xf7\x08\x02\0\xff\x81\x15\0\0\0\0\0\0\x1d\0\0\0K{
SF:KDRMn`vPnY\0mysql_native_password\0");
