# source: hand-made: an appliance FTP server answering HELP with 214 (RFC 959)
# expect: ftp | |
SF-Port21-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,1A,"220\x20NAS\x20FTP\x20server\x20ready\r\n")%r(Help,54,"220
SF:\x20NAS\x20FTP\x20server\x20ready\r\n214-The\x20following\x20commands\x
SF:20are\x20recognized\.\r\n214\x20Help\x20OK\.\r\n");
