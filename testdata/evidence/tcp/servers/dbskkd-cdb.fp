# recorded by signet 0.1.0 from 127.0.0.1 port 41178/tcp on 2026-12-06T16:19:24Z
# source: Debian 12 dbskkd-cdb 1:3.00-5 on the loopback testbed (testbed/testbed.sh, id skkserv), recorded 2026-12-06 with signet --version-record
# expect: skkserv | dbskkd-cdb | 3.00
SF-Port41178-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B158B0C%P=x86_64-pc-linux
SF:-gnu%r(SKKVersion,10,"dbskkd-cdb-3\.00\x20");
