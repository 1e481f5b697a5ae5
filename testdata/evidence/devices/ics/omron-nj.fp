# source: hand-made: Omron FINS Commands Reference Manual (W227) 5-3-1 CONTROLLER DATA READ response, with the model of an NJ501-1300 (Omron NJ catalog)
# expect: omron-fins | Omron NJ PLC | | NJ501-1300
SF-Port9600-UDP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(fins-controller-data,6A,"\xc0\0\x02\0c\0\0\0\0\xef\x05\x01\0\0NJ5
SF:01-1300\x20\x20\x20\x20\x20\x20\x20\x20\x20\x2001\.40\x20\x20\x20\x20\x
SF:20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\0\0\0\0\0\0\0\0\0\0\0\0\0\0\
SF:0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0<\x17\x7f\xff\0\n\
SF:0\x20\0\0\0");
