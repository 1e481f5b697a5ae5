# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | AXIS video encoder ftpd | 4.47.2 | 241Q Video Server
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,38,"220\x20AXIS\x20241Q\x20Video\x20Server\x204\.47\.2\x20\(De
SF:c\x2011\x202008\)\x20ready\.\r\n");
