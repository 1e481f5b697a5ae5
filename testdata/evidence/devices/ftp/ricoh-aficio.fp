# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Ricoh Aficio printer ftpd | 8.63 | SP 4210N
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,34,"220\x20RICOH\x20Aficio\x20SP\x204210N\x20FTP\x20server\x20
SF:\(8\.63\)\x20ready\.\r\n");
