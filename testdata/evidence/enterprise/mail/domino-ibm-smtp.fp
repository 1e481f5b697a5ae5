# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | IBM Domino smtpd | 9.0.1FP8 | HF475
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,70,"220\x20mail\.example\.com\x20ESMTP\x20Service\x20\(IBM\x20
SF:Domino\x20Release\x209\.0\.1FP8\x20HF475\)\x20ready\x20at\x20Mon,\x207\
SF:x20Dec\x202026\x2011:00:00\x20\+0100\r\n");
