# source: hand-made from Huawei VRP documentation (HUAWEI-1.5 identification)
# expect: ssh | Huawei VRP sshd | 1.5 | protocol 2.0
SF-Port22-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,14,"SSH-2\.0-HUAWEI-1\.5\r\n");
