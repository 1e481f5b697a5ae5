# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | AppleShare IP Mail Server smtpd | 6.2.1
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,48,"220\x20mail\.example\.com\x20AppleShare\x20IP\x20Mail\x20S
SF:erver\x206\.2\.1\x20SMTP\x20Server\x20Ready\r\n");
