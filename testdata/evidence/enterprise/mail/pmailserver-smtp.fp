# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | A.K.I PMailServer smtpd | 1.78
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,48,"220\x20mail\.example\.com\x20ESMTP\x20PMailServer\x201\.78
SF:;\x20Mon,\x20\x207\x20Dec\x202026\x2011:00:00\r\n");
