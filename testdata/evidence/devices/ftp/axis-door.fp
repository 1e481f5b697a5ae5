# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | AXIS door controller ftpd | 1.65.1.1 | A1001 Network Door Controller
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,3F,"220\x20AXIS\x20A1001\x20Network\x20Door\x20Controller\x201
SF:\.65\.1\.1\x20\(2018\)\x20ready\.\r\n");
