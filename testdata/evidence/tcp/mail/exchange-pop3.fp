# source: hand-made from the Exchange 2016 POP3 service greeting
# expect: pop3 | Microsoft Exchange pop3d
SF-Port110-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(NULL,33,"\+OK\x20The\x20Microsoft\x20Exchange\x20POP3\x20service\
SF:x20is\x20ready\.\r\n");
