# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | Apache James smtpd | 2.3.2
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,67,"220\x20mail\.example\.com\x20SMTP\x20Server\x20\(JAMES\x20
SF:SMTP\x20Server\x202\.3\.2\)\x20ready\x20Mon,\x207\x20Dec\x202026\x2011:
SF:00:00\x20\+0100\x20\(CET\)\r\n");
