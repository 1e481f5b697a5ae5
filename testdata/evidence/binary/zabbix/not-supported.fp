# source: hand-made from the Zabbix agent protocol (ZBXD header v1) with a DenyKey=agent.version agent
# expect: zabbix-agent | Zabbix agent |  | agent.version not supported
SF-Port10050-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linu
SF:x-gnu%r(zabbix-agent-version,1D,"ZBXD\x01\x10\0\0\0\0\0\0\0ZBX_NOTSUPPO
SF:RTED");
