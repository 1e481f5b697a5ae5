# source: hand-made: RFC 3261 OPTIONS response (8.2.6, 11.2) carrying Server: "PBX-IP Media Gateway/2.1" as observed from the device (Rapid7 Recog xml/sip_banners.xml example)
# expect: sip | Dialogic PBX-IP Media Gateway | 2.1
SF-Port5060-UDP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(SIPOptions,13C,"SIP/2\.0\x20200\x20OK\r\nVia:\x20SIP/2\.0/UDP\x20
SF:nm;branch=foo;rport=5060;received=192\.0\.2\.1\r\nFrom:\x20<sip:nm@nm>;
SF:tag=root\r\nTo:\x20<sip:nm2@nm2>;tag=a73kszlfl\r\nCall-ID:\x2050000\r\n
SF:CSeq:\x2042\x20OPTIONS\r\nServer:\x20PBX-IP\x20Media\x20Gateway/2\.1\r\
SF:nAllow:\x20INVITE,\x20ACK,\x20CANCEL,\x20BYE,\x20OPTIONS,\x20INFO,\x20N
SF:OTIFY,\x20REFER\r\nAccept:\x20application/sdp\r\nContent-Length:\x200\r
SF:\n\r\n");
