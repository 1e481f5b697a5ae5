# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | Gordano NTMail smtpd | 7.02.3037
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,56,"220\x20mail\.example\.com\x20NTMail\x20\(v7\.02\.3037/NU13
SF:19\.01\.5b000000\)\x20ready\x20for\x20ESMTP\x20transfer\r\n");
