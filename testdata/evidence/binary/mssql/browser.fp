# source: hand-made from MC-SQLR 2.2.5 (SVR_RESP for a SQL Server 2019 default instance)
# expect: ms-sql-m | Microsoft SQL Server | 15.0.2000.5 | ServerName: SQL01; instance MSSQLSERVER
SF-Port1434-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(Sqlping,5A,"\x05W\0ServerName;SQL01;InstanceName;MSSQLSERVER;IsC
SF:lustered;No;Version;15\.0\.2000\.5;tcp;1433;;");
