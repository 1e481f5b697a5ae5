# source: hand-made from RFC 3261 (200 OK) with FreeSWITCH 1.10.11 mod_sofia User-Agent
# expect: sip | FreeSWITCH | 1.10.11-release~64bit | 
SF-Port5060-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(SIPOptions,126,"SIP/2\.0\x20200\x20OK\r\nVia:\x20SIP/2\.0/UDP\x2
SF:0nm;branch=foo;rport=5060;received=192\.0\.2\.10\r\nFrom:\x20<sip:nm@nm
SF:>;tag=root\r\nTo:\x20<sip:nm2@nm2>;tag=as1a2b3c4d\r\nCall-ID:\x2050000\
SF:r\nCSeq:\x2042\x20OPTIONS\r\nUser-Agent:\x20FreeSWITCH-mod_sofia/1\.10\
SF:.11-release~64bit\r\nAllow:\x20INVITE,\x20ACK,\x20CANCEL,\x20OPTIONS,\x
SF:20BYE\r\nContent-Length:\x200\r\n\r\n");
