# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Cisco TelePresence ftpd | 1.1(1.34) | AM GW 3610
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,46,"220\x20Welcome\x20to\x20the\x20Cisco\x20TelePresence\x20AM
SF:\x20GW\x203610,\x20version\x201\.1\(1\.34\)\x20\r\n");
