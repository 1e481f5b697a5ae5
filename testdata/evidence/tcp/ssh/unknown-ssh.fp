# source: hand-made: an unnamed SSH server that rejects a non-SSH line (RFC 4253 4.2)
# expect: ssh | | | protocol 2.0
SF-Port2222-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,11,"SSH-2\.0-AcmeSSH\r\n")%r(Help,35,"SSH-2\.0-AcmeSSH\r\nI
SF:nvalid\x20SSH\x20identification\x20string\.\r\n");
