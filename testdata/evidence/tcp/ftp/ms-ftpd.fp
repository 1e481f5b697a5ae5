# source: hand-made from the IIS FTP service default banner
# expect: ftp | Microsoft IIS ftpd
SF-Port21-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,1B,"220\x20Microsoft\x20FTP\x20Service\r\n");
