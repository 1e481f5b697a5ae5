# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | Kerio WinRoute Pro smtpd | 4.2.4
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,31,"220\x20mail\.example\.com\x20ESMTP\x20-\x20WinRoute\x20Pro
SF:\x204\.2\.4\r\n");
