# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | WinWebMail smtpd | 3.9.0.7
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,45,"220\x20ESMTP\x20on\x20WinWebMail\x20\[3\.9\.0\.7\]\x20read
SF:y\.\x20\x20http://www\.winwebmail\.com\r\n");
