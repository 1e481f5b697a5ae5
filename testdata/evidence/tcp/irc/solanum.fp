# source: hand-made from Solanum registration replies (RFC 2812 5.1 RPL_YOURHOST)
# expect: irc | Solanum | 1.0-dev
SF-Port6667-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(IRCRegister,C4,":irc\.example\.net\x20001\x20signet\x20:Welcome\
SF:x20to\x20the\x20Example\x20Internet\x20Relay\x20Chat\x20Network\x20sign
SF:et\r\n:irc\.example\.net\x20002\x20signet\x20:Your\x20host\x20is\x20irc
SF:\.example\.net\[127\.0\.0\.1/6667\],\x20running\x20version\x20solanum-1
SF:\.0-dev\r\n");
