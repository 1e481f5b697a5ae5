# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Kyocera ECOSYS printer ftpd | | P2135dn
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,1F,"220\x20ECOSYS\x20P2135dn\x20FTP\x20server\r\n");
