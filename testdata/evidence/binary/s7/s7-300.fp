# source: hand-made from the S7comm layout documented by the Snap7 project (CC, setup ack, SZL 0x0011 of a CPU 315-2 PN/DP)
# expect: iso-tsap | Siemens S7-300 PLC | 3.2.6 | module 6ES7 315-2EH14-0AB0
SF-Port102-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(s7-szl,AE,"\x03\0\0\x16\x11\xd0\0\x01\0\x01\0\xc0\x01\n\xc1\x02\x
SF:01\0\xc2\x02\x01\x02\x03\0\0\x1b\x02\xf0\x802\x03\0\0\0\0\0\x08\0\0\0\0
SF:\xf0\0\0\x01\0\x01\0\xf0\x03\0\0}\x02\xf0\x802\x07\0\0\0\0\0\x0c\0`\0\x
SF:01\x12\x08\x12\x84\x01\x01\0\0\0\0\xff\t\0\\\0\x11\0\x01\0\x1c\0\x03\0\
SF:x016ES7\x20315-2EH14-0AB0\x20\0\xc0\0\x05\0\0\0\x066ES7\x20315-2EH14-0A
SF:B0\x20\0\xc0\0\x05\0\0\0\x07\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x2
SF:0\x20\x20\x20\x20\x20\x20\x20\x20\x20\0\0V\x03\x02\x06");
