# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | McAfee WebShield smtpd | 4.5 MR1a
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,6A,"220\x20mail\.example\.com\x20WebShield\x20SMTP\x20V4\.5\x2
SF:0MR1a\x20Network\x20Associates,\x20Inc\.\x20Ready\x20at\x20Mon\x20Dec\x
SF:20\x207\x2010:00:00\x202026\r\n");
