# source: hand-made from Serv-U 15 default banner
# expect: ftp | Serv-U ftpd | 15.4.1
SF-Port21-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,28,"220\x20Serv-U\x20FTP\x20Server\x20v15\.4\.1\x20ready\.\.\
SF:.\r\n");
