# source: hand-made from RFC 2812 (ERR_NOTREGISTERED to blank lines, then RPL_WELCOME of an unnamed server)
# expect: irc | |
SF-Port6667-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GenericLines,31,":irc\.example\.org\x20451\x20\*\x20:You\x20have
SF:\x20not\x20registered\r\n")%r(IRCRegister,4B,":irc\.example\.org\x20001
SF:\x20signet\x20:Welcome\x20to\x20the\x20Internet\x20Relay\x20Network\x20
SF:signet\r\n");
