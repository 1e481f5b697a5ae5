# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | MailEnable smtpd | 10.27
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,5C,"220\x20mail\.example\.com\x20ESMTP\x20MailEnable\x20Servic
SF:e,\x20Version:\x2010\.27--\x20ready\x20at\x2012/07/26\x2011:00:00\r\n");
