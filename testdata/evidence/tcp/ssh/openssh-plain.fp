# source: hand-made: upstream portable OpenSSH 9.6p1 built from source, no distribution addendum (RFC 4253 4.2)
# expect: ssh | OpenSSH | 9.6p1 | protocol 2.0
SF-Port22-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,17,"SSH-2\.0-OpenSSH_9\.6p1\r\n");
