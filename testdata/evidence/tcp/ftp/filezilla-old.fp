# source: hand-made from FileZilla Server 0.9.60 default welcome message
# expect: ftp | FileZilla ftpd | 0.9.60 beta
SF-Port21-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,97,"220-FileZilla\x20Server\x20version\x200\.9\.60\x20beta\r\
SF:n220-written\x20by\x20Tim\x20Kosse\x20\(tim\.kosse@filezilla-project\.o
SF:rg\)\r\n220\x20Please\x20visit\x20https://filezilla-project\.org/\r\n");
