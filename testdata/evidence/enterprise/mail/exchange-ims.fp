# source: hand-made: RFC 5321 4.2 greeting (220) with the text Rapid7 Recog xml/smtp_banners.xml lists as observed from the product; host name and date are ours
# expect: smtp | Microsoft Exchange Internet Mail Service | 5.5.2653.13
SF-Port25-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(NULL,60,"220\x20mail\.example\.com\x20ESMTP\x20Server\x20\(Microsof
SF:t\x20Exchange\x20Internet\x20Mail\x20Service\x205\.5\.2653\.13\)\x20rea
SF:dy\r\n");
