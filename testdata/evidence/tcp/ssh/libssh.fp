# source: hand-made from libssh 0.10 server banner code ("SSH-2.0-libssh_" + version)
# expect: ssh | libssh | 0.10.6 | protocol 2.0
SF-Port22-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,17,"SSH-2\.0-libssh_0\.10\.6\r\n");
