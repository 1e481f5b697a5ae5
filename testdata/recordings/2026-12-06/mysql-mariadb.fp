# recorded by signet 0.1.0 from 127.0.0.1 port 41306/tcp on 2026-12-06T12:39:53Z
# source: Debian 12 mariadb-server 1:10.11.19-0+deb12u1 on the loopback testbed (testbed/testbed.sh, id mysql-mariadb), recorded 2026-12-06 with signet --version-record
# expect: mysql | MySQL
SF-Port41306-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B155799%P=x86_64-pc-linux
SF:-gnu%r(NULL,68,"d\0\0\0\n5\.5\.5-10\.11\.19-MariaDB-0\+deb12u1\0\x04\0\
SF:0\0HVV\.\"\]2\|\0\xfe\xf7\x08\x02\0\xff\x81\x15\0\0\0\0\0\0\x1d\0\0\0\?
SF:bPJc5}62;n;\0mysql_native_password\0")%r(GenericLines,A0,"d\0\0\0\n5\.5
SF:\.5-10\.11\.19-MariaDB-0\+deb12u1\0\n\0\0\0~\+VRv~5-\0\xfe\xf7\x08\x02\
SF:0\xff\x81\x15\0\0\0\0\0\0\x1d\0\0\0\|PWE3mN}LABf\0mysql_native_password
SF:\x004\0\0\x01\xffj\x04#HY000Proxy\x20header\x20is\x20not\x20accepted\x2
SF:0from\x20127\.0\.0\.1")%r(epmd,68,"d\0\0\0\n5\.5\.5-10\.11\.19-MariaDB-
SF:0\+deb12u1\0%\0\0\0Z&N5_`Co\0\xfe\xf7\x08\x02\0\xff\x81\x15\0\0\0\0\0\0
SF:\x1d\0\0\0%gYh\|Z\+d;8E5\0mysql_native_password\0");
