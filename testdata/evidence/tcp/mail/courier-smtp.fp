# source: hand-made from Courier MTA courieresmtpd (EHLO reply "host Ok.")
# expect: smtp | Courier smtpd
SF-Port25-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,1C,"220\x20mail\.example\.org\x20ESMTP\r\n")%r(Hello,4F,"220\
SF:x20mail\.example\.org\x20ESMTP\r\n250-mail\.example\.org\x20Ok\.\r\n250
SF:-PIPELINING\r\n250\x20DSN\r\n");
