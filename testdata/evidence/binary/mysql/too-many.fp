# source: hand-made from the MySQL protocol doc (ERR_Packet 1040)
# expect: mysql | MySQL |  | too many connections
SF-Port3306-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,1B,"\x17\0\0\0\xff\x10\x04Too\x20many\x20connections");
