# source: hand-made from IEEE 1815-2012 9.2 (LINK STATUS from outstation 1 to master 0)
# expect: dnp |  |  | outstation 1
SF-Port20000-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linu
SF:x-gnu%r(dnp3-linkstatus,A,"\x05d\x05\x0b\0\0\x01\0o\x1b");
