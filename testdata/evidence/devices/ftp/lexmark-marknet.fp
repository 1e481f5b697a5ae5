# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Lexmark MarkNet print server ftpd | 4.20.21 | X2011e
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,36,"220\x20EUFSALE\x20MarkNet\x20X2011e\x20FTP\x20Server\x204\
SF:.20\.21\x20ready\.\r\n");
