# source: hand-made from the MongoDB wire protocol (OP_MSG reply) with Percona Server for MongoDB 6.0.6-5's buildinfo
# expect: mongodb | Percona Server for MongoDB | 6.0.6-5 | 
SF-Port27017-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linu
SF:x-gnu%r(mongodb-buildinfo,6A,"j\0\0\0M\0\0\0\x01\0\0\0\xdd\x07\0\0\0\0\
SF:0\0\0U\0\0\0\x02version\0\x06\0\0\x006\.0\.6\0\x02gitVersion\0\x07\0\0\
SF:x000a1b2c\0\x02psmdbVersion\0\x08\0\0\x006\.0\.6-5\0\x01ok\0\0\0\0\0\0\
SF:0\xf0\?\0");
