# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Dell laser printer ftpd | NR.APS.N449 | 2350dn
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,4C,"220\x20ET0021B71A1111\x20Dell\x202350dn\x20Laser\x20Printe
SF:r\x20FTP\x20Server\x20NR\.APS\.N449\x20ready\.\r\n");
