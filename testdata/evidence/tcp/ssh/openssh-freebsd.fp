# source: hand-made from FreeBSD 14's sshd version addendum (RFC 4253 4.2 layout)
# expect: ssh | OpenSSH | 9.5 | protocol 2.0; FreeBSD 20231004
SF-Port22-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,26,"SSH-2\.0-OpenSSH_9\.5\x20FreeBSD-20231004\r\n");
