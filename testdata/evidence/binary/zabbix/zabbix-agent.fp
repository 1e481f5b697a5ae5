# source: Debian 12 zabbix-agent 1:6.0.14+dfsg-1+b1 (ListenPort 30050: the agent refuses ports above 32767), captured on 127.0.0.1 with signet --version-record
# expect: zabbix-agent | Zabbix agent | 6.0.14 | 
SF-Port30050-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5D%P=x86_64-pc-linu
SF:x-gnu%r(zabbix-agent-version,13,"ZBXD\x01\x06\0\0\0\0\0\0\x006\.0\.14");
