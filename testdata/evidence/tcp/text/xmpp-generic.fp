# source: hand-made from RFC 6120 4.2 (an unnamed XMPP server's stream header)
# expect: xmpp-client | |
SF-Port5222-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(XMPPStream,91,"<\?xml\x20version=\"1\.0\"\?><stream:stream\x20xm
SF:lns=\"jabber:client\"\x20xmlns:stream=\"http://etherx\.jabber\.org/stre
SF:ams\"\x20id=\"x1\"\x20from=\"localhost\"\x20version=\"1\.0\">");
