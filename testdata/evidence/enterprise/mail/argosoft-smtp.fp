# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | ArGoSoft Mail Server smtpd | 1.8.9.5 | Pro
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,47,"220\x20ArGoSoft\x20Mail\x20Server\x20Pro\x20for\x20WinNT/2
SF:000/XP,\x20Version\x201\.8\x20\(1\.8\.9\.5\)\r\n");
