# source: hand-made: an unnamed SMTP server answering blank lines with 500 (RFC 5321 4.2)
# expect: smtp | |
SF-Port2525-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,27,"220\x20gw\.example\.net\x20SMTP\x20service\x20ready\r\n
SF:")%r(GenericLines,67,"220\x20gw\.example\.net\x20SMTP\x20service\x20rea
SF:dy\r\n500\x205\.5\.1\x20Command\x20unrecognized\r\n500\x205\.5\.1\x20Co
SF:mmand\x20unrecognized\r\n");
