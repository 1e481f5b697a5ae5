# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | Netscape Messaging Server smtpd | 4.15 Patch 7
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,61,"220\x20mail\.example\.com\x20ESMTP\x20service\x20\(Netscap
SF:e\x20Messaging\x20Server\x204\.15\x20Patch\x207\x20\(built\x20Sep\x2012
SF:\x202001\)\)\r\n");
