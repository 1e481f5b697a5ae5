# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | AXIS network camera ftpd | 2.43 | 2100 Network Camera
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,36,"220\x20Axis\x202100\x20Network\x20Camera\x202\.43\x20Nov\x
SF:2004\x202008\x20ready\.\r\n");
