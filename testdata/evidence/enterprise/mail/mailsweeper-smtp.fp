# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | Clearswift MAILsweeper smtpd | 4.2.1.0
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,47,"220\x20mail\.example\.com\x20MAILsweeper\x20ESMTP\x20Recei
SF:ver\x20Version\x204\.2\.1\.0\x20Ready\r\n");
