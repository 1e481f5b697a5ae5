# source: hand-made from the SSL 2.0 draft 2.6 (SERVER-HELLO, X.509, RC4-MD5)
# expect: ssl |  |  | SSLv2 supported
SF-Port443-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(SSLv23SessionReq,20,"\x80\.\x04\0\x01\0\x02\0\0\0\x03\0\x10\x01\0
SF:\x80\x11\x11\x11\x11\x11\x11\x11\x11\x11\x11\x11\x11\x11\x11\x11\x11");
