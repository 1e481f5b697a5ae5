# source: hand-made from MS-TDS 2.2.6.5 (PRELOGIN response, SQL Server 2022 RTM build)
# expect: ms-sql-s | Microsoft SQL Server 2022 | 16.0.1000 | 
SF-Port1433-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(ms-sql-s,2B,"\x04\x01\0\+\0\0\x01\0\0\0\x1a\0\x06\x01\0\x20\0\x0
SF:1\x02\0!\0\x01\x03\0\"\0\0\x04\0\"\0\x01\xff\x10\0\x03\xe8\0\0\x02\0\0"
SF:);
