# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Lexmark printer ftpd | NS.NP.N219 | T640
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,3E,"220\x20ET000400CEA560\x20Lexmark\x20T640\x20FTP\x20Server\
SF:x20NS\.NP\.N219\x20ready\.\r\n");
