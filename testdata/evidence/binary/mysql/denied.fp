# source: hand-made from the MySQL protocol doc (ERR_Packet 1130)
# expect: mysql | MySQL |  | unauthorized: host 192.0.2.7
SF-Port3306-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,46,"B\0\0\0\xffj\x04Host\x20'192\.0\.2\.7'\x20is\x20not\x20
SF:allowed\x20to\x20connect\x20to\x20this\x20MySQL\x20server");
