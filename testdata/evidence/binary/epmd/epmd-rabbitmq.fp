# source: Debian 12 erlang-base 25.2.3 epmd with rabbitmq-server 3.10.8 registered, captured on 127.0.0.1 with signet --version-record
# expect: epmd | Erlang Port Mapper Daemon |  | node rabbit on port 44518
SF-Port44519-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B9F%P=x86_64-pc-linu
SF:x-gnu%r(epmd,1E,"\0\0\xad\xe7name\x20rabbit\x20at\x20port\x2044518\n");
