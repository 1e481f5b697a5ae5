# source: hand-made from the Exchange 2016 IMAP4 service greeting
# expect: imap | Microsoft Exchange imapd
SF-Port143-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(NULL,35,"\*\x20OK\x20The\x20Microsoft\x20Exchange\x20IMAP4\x20ser
SF:vice\x20is\x20ready\.\r\n");
