# source: hand-made from RFC 5531 9 (PROG_MISMATCH 2-4, record-marked), Linux rpcbind 1.2.6 registers versions 2-4
# expect: rpcbind | rpcbind | 2-4 | RPC #100000
SF-Port111-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(RPCCheck,24,"\x80\0\0\x20r\xfe\x1d\x13\0\0\0\x01\0\0\0\0\0\0\0\0\
SF:0\0\0\0\0\0\0\x02\0\0\0\x02\0\0\0\x04");
