# source: hand-made from the Cisco IOS SSH configuration guide (version string Cisco-1.25)
# expect: ssh | Cisco SSH | 1.25 | protocol 2.0
SF-Port22-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,14,"SSH-2\.0-Cisco-1\.25\r\n");
