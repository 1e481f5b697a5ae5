# source: hand-made from qmail-smtpd 1.03 (greeting and EHLO reply, RFC 5321)
# expect: smtp | qmail smtpd
SF-Port25-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,1C,"220\x20mail\.example\.org\x20ESMTP\r\n")%r(Hello,50,"220\
SF:x20mail\.example\.org\x20ESMTP\r\n250-mail\.example\.org\r\n250-PIPELIN
SF:ING\r\n250\x208BITMIME\r\n");
