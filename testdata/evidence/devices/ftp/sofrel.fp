# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Sofrel RTU ftpd | | S500
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,44,"220\x20Sofrel\x20S500\x20SN\x2001-499-00427\x20\x20ready\.
SF:\x20Time\x20is\x2000:11:39\x2001/11/16\.\r\n");
