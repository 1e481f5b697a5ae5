# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | MERCUR smtpd | 3.30.09
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,66,"220\x20MERCUR\x20SMTP-Server\x20\(v3\.30\.09\x20SA-0000005
SF:\)\x20for\x20Windows\x20NT\x20ready\x20at\x20Mon,\x207\x20Dec\x202026\x
SF:20\x2011:00:00\x20\+0100\r\n");
