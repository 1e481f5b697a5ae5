# source: hand-made from MikroTik RouterOS documentation (ROSSSH identification)
# expect: ssh | MikroTik RouterOS sshd | | protocol 2.0
SF-Port22-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,10,"SSH-2\.0-ROSSSH\r\n");
