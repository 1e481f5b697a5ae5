# recorded by signet 0.1.0 from 127.0.0.1 port 41369/tcp on 2026-12-06T15:34:00Z
# source: Debian 12 rabbitmq-server 3.10.8-1.1+deb12u1 on the loopback testbed (testbed/testbed.sh, id epmd-rabbitmq), recorded 2026-12-06 with signet --version-record
# expect: epmd | Erlang Port Mapper Daemon |  | node testbed on port 41370
SF-Port41369-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B158068%P=x86_64-pc-linux
SF:-gnu%r(epmd,1F,"\0\0\xa1\x99name\x20testbed\x20at\x20port\x2041370\n");
