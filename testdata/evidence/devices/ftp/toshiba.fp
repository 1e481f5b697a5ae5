# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Toshiba e-STUDIO printer ftpd | NC2.NPS.N221 | e-STUDIO500S
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,48,"220\x20ET0004001E9C00\x20TOSHIBA\x20e-STUDIO500S\x20FTP\x2
SF:0Server\x20NC2\.NPS\.N221\x20ready\.\r\n");
