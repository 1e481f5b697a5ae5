# recorded by signet 0.1.0 from 127.0.0.1 port 41640/tcp on 2026-12-06T15:34:04Z
# source: Debian 12 openvswitch-common 3.1.0-2+deb12u1 on the loopback testbed (testbed/testbed.sh, id ovsdb), recorded 2026-12-06 with signet --version-record
# expect: ovsdb | Open vSwitch ovsdb-server | 
SF-Port41640-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B15806C%P=x86_64-pc-linux
SF:-gnu%r(NULL,29,"{\"id\":\"echo\",\"method\":\"echo\",\"params\":\[\]}");
