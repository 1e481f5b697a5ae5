# source: Debian 12 prosody 0.12.3-1+deb12u1, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: xmpp-server | Prosody XMPP server
SF-Port41269-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B15582F%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,119,"<\?xml\x20version='1\.0'\?><stream:stream\x20xml
SF:ns:stream='http://etherx\.jabber\.org/streams'\x20xml:lang='en'\x20xmln
SF:s:db='jabber:server:dialback'\x20id=''\x20from=''\x20to=''\x20xmlns='ja
SF:bber:server'><stream:error><not-well-formed\x20xmlns='urn:ietf:params:x
SF:ml:ns:xmpp-streams'/></stream:error></stream:stream>")%r(XMPPStream,18A
SF:,"<\?xml\x20version='1\.0'\?><stream:stream\x20xmlns:stream='http://eth
SF:erx\.jabber\.org/streams'\x20xml:lang='en'\x20id='02da9033-6e6a-4494-a4
SF:6b-2ff7dac4b6e3'\x20xmlns='jabber:server'\x20from='localhost'\x20to=''\
SF:x20version='1\.0'><stream:error><host-unknown\x20xmlns='urn:ietf:params
SF::xml:ns:xmpp-streams'/><text\x20xmlns='urn:ietf:params:xml:ns:xmpp-stre
SF:ams'>This\x20host\x20does\x20not\x20serve\x20localhost</text></stream:e
SF:rror></stream:stream>");
