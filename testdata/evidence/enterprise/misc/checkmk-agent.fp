# source: hand-made: the first section of the Checkmk agent's output on port 6556 in legacy (unencrypted) mode (Checkmk agent documentation: the <<<check_mk>>> section with Version, AgentOS and the agent's directories)
# expect: check_mk | Checkmk agent | 2.2.0p14 | AgentOS linux
SF-Port6556-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(NULL,12A,"<<<check_mk>>>\nVersion:\x202\.2\.0p14\nAgentOS:\x20lin
SF:ux\nHostname:\x20web01\nAgentDirectory:\x20/etc/check_mk\nDataDirectory
SF::\x20/var/lib/check_mk_agent\nSpoolDirectory:\x20/var/lib/check_mk_agen
SF:t/spool\nPluginsDirectory:\x20/usr/lib/check_mk_agent/plugins\nLocalDir
SF:ectory:\x20/usr/lib/check_mk_agent/local\nOSType:\x20linux\n<<<df>>>\n"
SF:);
