# source: hand-made from the MongoDB wire protocol (OP_MSG reply) with MongoDB 7.0.12's buildinfo document
# expect: mongodb | MongoDB | 7.0.12 | 
SF-Port27017-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linu
SF:x-gnu%r(mongodb-buildinfo,73,"s\0\0\0M\0\0\0\x01\0\0\0\xdd\x07\0\0\0\0\
SF:0\0\0\^\0\0\0\x02version\0\x07\0\0\x007\.0\.12\0\x02gitVersion\0\)\0\0\
SF:0b6e0ed5fd1a9bce3cdfb8c9ab25e0b6e7c6e0b3a\0\x01ok\0\0\0\0\0\0\0\xf0\?\0
SF:");
