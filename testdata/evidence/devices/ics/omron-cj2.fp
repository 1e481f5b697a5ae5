# source: hand-made: Omron FINS Commands Reference Manual (W227) 5-3-1 CONTROLLER DATA READ response, with the model of a CJ2M-CPU31 (Omron CJ2M catalog)
# expect: omron-fins | Omron CJ2 PLC | | CJ2M-CPU31
SF-Port9600-UDP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(fins-controller-data,6A,"\xc0\0\x02\0c\0\0\0\0\xef\x05\x01\0\0CJ2
SF:M-CPU31\x20\x20\x20\x20\x20\x20\x20\x20\x20\x2002\.01\x20\x20\x20\x20\x
SF:20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\0\0\0\0\0\0\0\0\0\0\0\0\0\0\
SF:0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0<\x17\x7f\xff\0\n\
SF:0\x20\0\0\0");
