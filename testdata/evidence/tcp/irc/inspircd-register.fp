# source: hand-made from InspIRCd 3 registration replies (RFC 2812 5.1 RPL_YOURHOST)
# expect: irc | InspIRCd | 3
SF-Port6667-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(IRCRegister,B3,":irc\.example\.net\x20001\x20signet\x20:Welcome\
SF:x20to\x20the\x20ExampleNet\x20IRC\x20Network\x20signet!signet@127\.0\.0
SF:\.1\r\n:irc\.example\.net\x20002\x20signet\x20:Your\x20host\x20is\x20ir
SF:c\.example\.net,\x20running\x20version\x20InspIRCd-3\r\n");
