# recorded by signet 0.1.0 from 127.0.0.1 port 41108/tcp on 2026-12-06T15:33:59Z
# source: Debian 12 dante-server 1.4.2+dfsg-7+b8 on the loopback testbed (testbed/testbed.sh, id socks-dante), recorded 2026-12-06 with signet --version-record
# expect: socks5 |  | 
SF-Port41108-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B158067%P=x86_64-pc-linux
SF:-gnu%r(Socks5Methods,2,"\x05\0");
