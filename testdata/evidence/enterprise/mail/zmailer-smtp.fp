# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | ZMailer smtpd | 2.99.57
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,5E,"220\x20mail\.example\.com\x20ZMailer\x20Server\x202\.99\.5
SF:7\x20#1\x20ESMTP\x20ready\x20at\x20Mon,\x207\x20Dec\x202026\x2013:00:00
SF:\x20\+0300\r\n");
