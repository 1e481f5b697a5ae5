# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | Post.Office smtpd | 3.8.4 | release 116
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,84,"220\x20mail\.example\.com\x20ESMTP\x20server\x20\(post\.of
SF:fice\x20v3\.8\.4\x20release\x20116\x20ID#\x201001-65749U100L10S0V38\)\x
SF:20ready\x20Mon,\x207\x20Dec\x202026\x2019:00:00\x20\+0900\r\n");
