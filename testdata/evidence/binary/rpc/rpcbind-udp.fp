# source: hand-made from RFC 5531 9 (PROG_MISMATCH 2-4)
# expect: rpcbind | rpcbind | 2-4 | RPC #100000
SF-Port111-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(RPCCheck,20,"r\xfe\x1d\x13\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\
SF:0\x02\0\0\0\x02\0\0\0\x04");
