# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Ricoh NRG printer ftpd | 8.25 | MP C2800
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,2B,"220\x20NRG\x20MP\x20C2800\x20FTP\x20server\x20\(8\.25\)\x2
SF:0ready\.\r\n");
