# source: hand-made from ircd-hybrid 8.2 registration replies (Debian ircd-hybrid 8.2.43)
# expect: irc | Hybrid ircd | 8.2.43
SF-Port6667-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(IRCRegister,CA,":irc\.example\.net\x20001\x20signet\x20:Welcome\
SF:x20to\x20the\x20ExampleNet\x20Internet\x20Relay\x20Chat\x20Network\x20s
SF:ignet\r\n:irc\.example\.net\x20002\x20signet\x20:Your\x20host\x20is\x20
SF:irc\.example\.net\[127\.0\.0\.1/6667\],\x20running\x20version\x20ircd-h
SF:ybrid-8\.2\.43\r\n");
