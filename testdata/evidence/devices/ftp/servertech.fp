# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Server Technology Sentry ftpd | 8.0w | Switched PDU
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,31,"220\x20Sentry\x20Switched\x20PDU\x20v8\.0w\x20FTP\x20serve
SF:r\x20ready\.\r\n");
