# source: hand-made: the S7comm layout documented by the Snap7 project (CC, setup ack, SZL 0x0011) with the order number of a CPU 1516-3 PN/DP from Siemens' S7-1500 catalog (6ES7 516-3AN01-0AB0) and firmware V2.8.1
# expect: iso-tsap | Siemens S7-1500 PLC | 2.8.1 | module 6ES7 516-3AN01-0AB0
SF-Port102-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-g
SF:nu%r(s7-szl,AE,"\x03\0\0\x16\x11\xd0\0\x01\0\x01\0\xc0\x01\n\xc1\x02\x0
SF:1\0\xc2\x02\x01\x02\x03\0\0\x1b\x02\xf0\x802\x03\0\0\0\0\0\x08\0\0\0\0\
SF:xf0\0\0\x01\0\x01\0\xf0\x03\0\0}\x02\xf0\x802\x07\0\0\0\0\0\x0c\0`\0\x0
SF:1\x12\x08\x12\x84\x01\x01\0\0\0\0\xff\t\0\\\0\x11\0\0\0\x1c\0\x03\0\x01
SF:6ES7\x20516-3AN01-0AB0\x20\0\xc0\0\x05\0\0\0\x066ES7\x20516-3AN01-0AB0\
SF:x20\0\xc0\0\x05\0\0\0\x07\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x
SF:20\x20\x20\x20\x20\x20\x20\x20\x20\0\0V\x02\x08\x01");
