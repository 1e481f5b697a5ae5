# source: hand-made: RFC 3261 OPTIONS response (8.2.6, 11.2) carrying Server: "TANDBERG/4137 (X12.5.2 (TEST SW))" as observed from the device (Rapid7 Recog xml/sip_banners.xml example)
# expect: sip | Cisco Expressway | X12.5.2
SF-Port5060-UDP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(SIPOptions,145,"SIP/2\.0\x20200\x20OK\r\nVia:\x20SIP/2\.0/UDP\x20
SF:nm;branch=foo;rport=5060;received=192\.0\.2\.1\r\nFrom:\x20<sip:nm@nm>;
SF:tag=root\r\nTo:\x20<sip:nm2@nm2>;tag=a73kszlfl\r\nCall-ID:\x2050000\r\n
SF:CSeq:\x2042\x20OPTIONS\r\nServer:\x20TANDBERG/4137\x20\(X12\.5\.2\x20\(
SF:TEST\x20SW\)\)\r\nAllow:\x20INVITE,\x20ACK,\x20CANCEL,\x20BYE,\x20OPTIO
SF:NS,\x20INFO,\x20NOTIFY,\x20REFER\r\nAccept:\x20application/sdp\r\nConte
SF:nt-Length:\x200\r\n\r\n");
