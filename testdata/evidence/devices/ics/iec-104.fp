# source: hand-made: IEC 60870-5-104 5.1 U-format APDU, TESTFR con answering our TESTFR act
# expect: iec-104 | | |
SF-Port2404-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(iec104-testfr,6,"h\x04\x83\0\0\0");
