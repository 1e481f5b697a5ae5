# source: hand-made from RFC 3261 (200 OK) with a Yealink SIP-T46S phone User-Agent
# expect: sip | Yealink SIP-T46S VoIP phone | 66.86.0.15 | 
SF-Port5060-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(SIPOptions,117,"SIP/2\.0\x20200\x20OK\r\nVia:\x20SIP/2\.0/UDP\x2
SF:0nm;branch=foo;rport=5060;received=192\.0\.2\.10\r\nFrom:\x20<sip:nm@nm
SF:>;tag=root\r\nTo:\x20<sip:nm2@nm2>;tag=as1a2b3c4d\r\nCall-ID:\x2050000\
SF:r\nCSeq:\x2042\x20OPTIONS\r\nUser-Agent:\x20Yealink\x20SIP-T46S\x2066\.
SF:86\.0\.15\r\nAllow:\x20INVITE,\x20ACK,\x20CANCEL,\x20OPTIONS,\x20BYE\r\
SF:nContent-Length:\x200\r\n\r\n");
