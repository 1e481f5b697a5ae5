# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | Message Systems Ecelerity smtpd | 4.2.37.61980
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,58,"220\x20mail\.example\.com\x20ESMTP\x20ecelerity\x204\.2\.3
SF:7\.61980\x20r\(:\)\x20Mon,\x2007\x20Dec\x202026\x2010:00:00\x20\+0000\r
SF:\n");
