# source: hand-made from smtpd.conf(5) of OpenSMTPD 6.8 (default banner)
# expect: smtp | OpenSMTPD
SF-Port25-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,26,"220\x20mail\.example\.org\x20ESMTP\x20OpenSMTPD\r\n");
