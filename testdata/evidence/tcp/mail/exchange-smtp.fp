# source: hand-made from the Exchange 2016 receive connector default banner
# expect: smtp | Microsoft Exchange smtpd
SF-Port25-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,5C,"220\x20EX01\.example\.com\x20Microsoft\x20ESMTP\x20MAIL\x
SF:20Service\x20ready\x20at\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20\+
SF:0000\r\n");
