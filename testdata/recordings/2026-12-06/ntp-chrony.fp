# recorded by signet 0.1.0 from 127.0.0.1 port 42123/udp on 2026-12-06T12:39:34Z
# source: Debian 12 chrony 4.3-2+deb12u3 on the loopback testbed (testbed/testbed.sh, id ntp-chrony), recorded 2026-12-06 with signet --version-record
# expect: ntp | NTP
SF-Port42123-UDP:V=signet-0.1.0%I=9%D=12/6%Time=6B155786%P=x86_64-pc-linux
SF:-gnu%r(NTPRequest,30,"\$\n\x04\xe6\0\0\0\0\0\0\0\0\x7f\x7f\x01\x01\xee\
SF:xbf\xd5\xfeX\x0b\x03B\xc5O#Kq\xb1R\xf3\xee\xbf\xd6\0I\x06\xf1\x07\xee\x
SF:bf\xd6\0K\.\rL");
