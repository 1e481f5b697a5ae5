# source: hand-made from the Modbus application protocol v1.1b3 7 (exception 01, illegal function)
# expect: modbus |  |  | exception 1
SF-Port502-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(modbus-devid,9,"\0\x01\0\0\0\x03\0\xab\x01");
