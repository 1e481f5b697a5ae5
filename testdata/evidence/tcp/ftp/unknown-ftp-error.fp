# source: hand-made from nmap run E2 port 31994 (docs/nmap-behaviour.md) (ftp softmatch banner, then 500 to blank lines)
# expect: ftp | |
SF-Port21-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,17,"220\x20FTP\x20server\x20ready\.\r\n")%r(GenericLines,69,"
SF:220\x20FTP\x20server\x20ready\.\r\n500\x20Syntax\x20error,\x20command\x
SF:20unrecognized\.\r\n500\x20Syntax\x20error,\x20command\x20unrecognized\
SF:.\r\n");
