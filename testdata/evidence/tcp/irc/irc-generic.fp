# source: hand-made from RFC 2812 (lookup notice, then RPL_WELCOME of an unnamed server)
# expect: irc | |
SF-Port6667-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,3C,":irc\.example\.org\x20NOTICE\x20AUTH\x20:\*\*\*\x20Look
SF:ing\x20up\x20your\x20hostname\r\n")%r(IRCRegister,62,":irc\.example\.or
SF:g\x20NOTICE\x20AUTH\x20:\*\*\*\x20Looking\x20up\x20your\x20hostname\r\n
SF::irc\.example\.org\x20001\x20signet\x20:Welcome\r\n");
