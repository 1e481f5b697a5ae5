# source: hand-made: an unnamed POP3 server (RFC 1939 greeting and -ERR)
# expect: pop3 | |
SF-Port110-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(NULL,39,"\+OK\x20POP3\x20server\x20ready\x20<1896\.697170952@mail
SF:\.example\.net>\r\n")%r(GenericLines,4F,"\+OK\x20POP3\x20server\x20read
SF:y\x20<1896\.697170952@mail\.example\.net>\r\n-ERR\x20unknown\x20command
SF:\r\n");
