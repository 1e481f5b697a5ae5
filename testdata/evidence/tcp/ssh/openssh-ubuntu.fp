# source: hand-made from nmap run E1 (docs/nmap-behaviour.md) (Ubuntu 22.04 OpenSSH banner)
# expect: ssh | OpenSSH | 8.9p1 Ubuntu 3ubuntu0.1 | Ubuntu Linux; protocol 2.0
SF-Port22-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,29,"SSH-2\.0-OpenSSH_8\.9p1\x20Ubuntu-3ubuntu0\.1\r\n");
