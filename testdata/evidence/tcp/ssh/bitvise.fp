# source: hand-made from Bitvise SSH Server documentation (FlowSsh version string)
# expect: ssh | Bitvise WinSSHD | 9.31 | protocol 2.0
SF-Port22-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,39,"SSH-2\.0-9\.31\x20FlowSsh:\x20Bitvise\x20SSH\x20Server\x2
SF:0\(WinSSHD\)\x209\.31\r\n");
