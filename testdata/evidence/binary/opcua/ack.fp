# source: hand-made from IEC 62541-6 7.1.2.4 (Acknowledge message)
# expect: opcua-tcp |  |  | Hello acknowledged
SF-Port4840-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(opcua-hello,1C,"ACKF\x1c\0\0\0\0\0\0\0\0\0\x01\0\0\0\x01\0\0\0\0
SF:\x01\x88\x13\0\0");
