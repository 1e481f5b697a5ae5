# source: hand-made from FileZilla Server 1.7 default welcome message
# expect: ftp | FileZilla ftpd | 1.7.3
SF-Port21-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,4D,"220-FileZilla\x20Server\x201\.7\.3\r\n220\x20Please\x20vi
SF:sit\x20https://filezilla-project\.org/\r\n");
