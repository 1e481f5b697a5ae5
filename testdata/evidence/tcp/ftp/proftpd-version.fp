# source: hand-made from proftpd.conf ServerIdent docs (default ident with version: "ProFTPD 1.3.8 Server (ProFTPD Default Installation)")
# expect: ftp | ProFTPD | 1.3.8
SF-Port21-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,46,"220\x20ProFTPD\x201\.3\.8\x20Server\x20\(ProFTPD\x20Defau
SF:lt\x20Installation\)\x20\[192\.0\.2\.10\]\r\n");
