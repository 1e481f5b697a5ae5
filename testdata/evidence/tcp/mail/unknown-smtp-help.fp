# source: hand-made: an unnamed SMTP server answering HELP with 214 (RFC 5321 4.2)
# expect: smtp | |
SF-Port2525-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,1F,"220\x20gw\.example\.net\x20SMTP\x20ready\r\n")%r(Help,3
SF:1,"220\x20gw\.example\.net\x20SMTP\x20ready\r\n214\x20See\x20RFC\x20532
SF:1\r\n");
