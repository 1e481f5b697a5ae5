# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | AXIS network camera ftpd | 4.47 | 216FD Network Fixed Dome Camera
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,44,"220\x20AXIS\x20216FD\x20Network\x20Fixed\x20Dome\x20Camera
SF:\x204\.47\x20\(Mar\x2013\x202008\)\x20ready\.\r\n");
