# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | Lotus Domino smtpd | 8.5.3FP6 | HF1944
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,73,"220\x20mail\.example\.com\x20ESMTP\x20Service\x20\(Lotus\x
SF:20Domino\x20Release\x208\.5\.3FP6\x20HF1944\)\x20ready\x20at\x20Mon,\x2
SF:07\x20Dec\x202026\x2011:00:00\x20\+0100\r\n");
