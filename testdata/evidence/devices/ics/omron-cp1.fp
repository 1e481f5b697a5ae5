# source: hand-made: Omron FINS Commands Reference Manual (W227) 5-3-1 CONTROLLER DATA READ response, with the model of a CP1L-EM40DT-D (Omron CP1L catalog)
# expect: omron-fins | Omron CP1 PLC | | CP1L-EM40DT-D
SF-Port9600-UDP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(fins-controller-data,6A,"\xc0\0\x02\0c\0\0\0\0\xef\x05\x01\0\0CP1
SF:L-EM40DT-D\x20\x20\x20\x20\x20\x20\x2001\.10\x20\x20\x20\x20\x20\x20\x2
SF:0\x20\x20\x20\x20\x20\x20\x20\x20\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0
SF:\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0<\x17\x7f\xff\0\n\0\x20\0\0
SF:\0");
