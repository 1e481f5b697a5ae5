# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Sharp printer ftpd | 01.02.00.0e | MX-6200N
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,30,"220\x20SHARP\x20MX-6200N\x20Ver\x2001\.02\.00\.0e\x20FTP\x
SF:20server\.\r\n");
