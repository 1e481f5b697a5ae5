# source: hand-made: an unnamed ESMTP server (RFC 5321 4.1.1.1 EHLO reply)
# expect: smtp | |
SF-Port25-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,23,"220\x20relay\.example\.net\x20ESMTP\x20ready\r\n")%r(Hell
SF:o,4D,"220\x20relay\.example\.net\x20ESMTP\x20ready\r\n250-relay\.exampl
SF:e\.net\r\n250\x20SIZE\x2010240000\r\n");
