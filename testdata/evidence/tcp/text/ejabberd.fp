# source: hand-made from ejabberd 23.01 stream header (RFC 6120 4.2)
# expect: xmpp-client | ejabberd
SF-Port5222-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(XMPPStream,C2,"<\?xml\x20version='1\.0'\?><stream:stream\x20id='
SF:1234567890123456789'\x20version='1\.0'\x20xml:lang='en'\x20xmlns:stream
SF:='http://etherx\.jabber\.org/streams'\x20from='localhost'\x20xmlns='jab
SF:ber:client'><stream:features/>");
