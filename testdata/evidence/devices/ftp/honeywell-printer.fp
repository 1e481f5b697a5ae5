# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Honeywell printer ftpd | | PM43c
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,28,"220\x20Welcome\x20to\x20Honeywell\x20Printer\x20PM43c\r\n"
SF:);
