# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Telekom Speedport ftpd | 1.39.000 | W 921V
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,31,"220\x20Speedport\x20W\x20921V\x20FTP\x20Server\x20v1\.39\.
SF:000\x20ready\r\n");
