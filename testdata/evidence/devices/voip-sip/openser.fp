# source: hand-made: RFC 3261 OPTIONS response (8.2.6, 11.2) carrying Server: "OpenSER (1.3.2-notls (sh4/linux))" as observed from the device (Rapid7 Recog xml/sip_banners.xml example)
# expect: sip | OpenSER | 1.3.2 | sh4/linux
SF-Port5060-UDP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(SIPOptions,145,"SIP/2\.0\x20200\x20OK\r\nVia:\x20SIP/2\.0/UDP\x20
SF:nm;branch=foo;rport=5060;received=192\.0\.2\.1\r\nFrom:\x20<sip:nm@nm>;
SF:tag=root\r\nTo:\x20<sip:nm2@nm2>;tag=a73kszlfl\r\nCall-ID:\x2050000\r\n
SF:CSeq:\x2042\x20OPTIONS\r\nServer:\x20OpenSER\x20\(1\.3\.2-notls\x20\(sh
SF:4/linux\)\)\r\nAllow:\x20INVITE,\x20ACK,\x20CANCEL,\x20BYE,\x20OPTIONS,
SF:\x20INFO,\x20NOTIFY,\x20REFER\r\nAccept:\x20application/sdp\r\nContent-
SF:Length:\x200\r\n\r\n");
