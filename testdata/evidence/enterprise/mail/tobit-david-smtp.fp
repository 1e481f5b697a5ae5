# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | Tobit David smtpd
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,5E,"220\x20mail\.example\.com\x20Service\x20ready\x20by\x20Dav
SF:id\.fx\x20\(0486\)\x20ESMTP\x20Server\x20\(Tobit\.Software,\x20Germany\
SF:)\r\n");
