# source: hand-made from MikroTik RouterOS 6 FTP banner layout
# expect: ftp | MikroTik router ftpd | 6.49.7
SF-Port21-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,31,"220\x20MikroTik\x20FTP\x20server\x20\(MikroTik\x206\.49\.
SF:7\)\x20ready\r\n");
