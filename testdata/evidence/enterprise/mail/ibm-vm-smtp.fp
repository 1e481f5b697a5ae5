# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | IBM VM smtpd | Level 640
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,54,"220\x20mail\.example\.com\x20running\x20IBM\x20VM\x20SMTP\
SF:x20Level\x20640\x20on\x20Mon,\x207\x20Dec\x202026\x2002:00:00\x20PST\r\
SF:n");
