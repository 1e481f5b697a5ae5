# source: hand-made from the MySQL protocol doc (ERR_Packet 1129)
# expect: mysql | MySQL |  | host 192.0.2.7 blocked: too many connection errors
SF-Port3306-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,6E,"j\0\0\0\xffi\x04Host\x20'192\.0\.2\.7'\x20is\x20blocked
SF:\x20because\x20of\x20many\x20connection\x20errors;\x20unblock\x20with\x
SF:20'mariadb-admin\x20flush-hosts'");
