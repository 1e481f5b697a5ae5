# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | Sun Internet Mail Server smtpd | 4.0.2000.10.12.16.25.p8
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,5E,"220\x20mail\.example\.com\x20--\x20Server\x20ESMTP\x20\(Su
SF:n\x20Internet\x20Mail\x20Server\x20sims\.4\.0\.2000\.10\.12\.16\.25\.p8
SF:\)\r\n");
