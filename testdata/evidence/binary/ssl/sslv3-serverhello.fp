# source: hand-made from RFC 6101 5.6.1.3 (ServerHello SSL 3.0)
# expect: ssl |  |  | SSLv3
SF-Port443-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(SSLSessionReq,38,"\x16\x03\0\0\*\x02\0\0&\x03\0ZZZZZZZZZZZZZZZZZZ
SF:ZZZZZZZZZZZZZZ\0\0/\0\x16\x03\0\0\x04\x0e\0\0\0");
