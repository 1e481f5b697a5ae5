# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | AXIS print server ftpd | V7.00 | 5600+ (rev 3)
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,4A,"220\x20AXIS\x205600\+\x20\(rev\x203\)\x20FTP\x20Network\x2
SF:0Print\x20Server\x20V7\.00\x20Sep\x2010\x202004\x20ready\.\r\n");
