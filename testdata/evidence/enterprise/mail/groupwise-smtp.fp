# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | GroupWise Internet Agent | 14.2.1
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,8B,"220\x20mail\.example\.com\x20GroupWise\x20Internet\x20Agen
SF:t\x2014\.2\.1\x20\x20Copyright\x201993-2016\x20Novell,\x20Inc\.,\x20a\x
SF:20Micro\x20Focus\x20Company\.\x20All\x20rights\x20reserved\.\x20Ready\r
SF:\n");
