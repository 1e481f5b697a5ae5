# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Sun StorEdge ftpd | | 3511 RAID
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,2E,"220\x20SUN\x20StorEdge\x203511\x20RAID\x20FTP\x20server\x2
SF:0ready\.\r\n");
