# source: hand-made from the Win32-OpenSSH release notes (Windows Server 2019 optional feature)
# expect: ssh | OpenSSH for_Windows | 8.1 | protocol 2.0
SF-Port22-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,21,"SSH-2\.0-OpenSSH_for_Windows_8\.1\r\n");
