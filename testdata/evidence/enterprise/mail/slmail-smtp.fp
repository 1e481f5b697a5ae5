# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | Seattle Lab SLMail smtpd | 5.5.0.4433
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,4C,"220\x20mail\.example\.com\x20SMTP\x20Server\x20SLmail\x205
SF:\.5\.0\.4433\x20Ready\x20ESMTP\x20spoken\x20here\r\n");
