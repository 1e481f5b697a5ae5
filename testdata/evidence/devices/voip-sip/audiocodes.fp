# source: hand-made: RFC 3261 OPTIONS response (8.2.6, 11.2) carrying Server: "Audiocodes-Sip-Gateway-MP-124 FXS/v.6.00A.034.003" as observed from the device (Rapid7 Recog xml/sip_banners.xml example)
# expect: sip | AudioCodes MediaPack gateway | 6.00A.034.003 | MP-124 FXS
SF-Port5060-UDP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(SIPOptions,155,"SIP/2\.0\x20200\x20OK\r\nVia:\x20SIP/2\.0/UDP\x20
SF:nm;branch=foo;rport=5060;received=192\.0\.2\.1\r\nFrom:\x20<sip:nm@nm>;
SF:tag=root\r\nTo:\x20<sip:nm2@nm2>;tag=a73kszlfl\r\nCall-ID:\x2050000\r\n
SF:CSeq:\x2042\x20OPTIONS\r\nServer:\x20Audiocodes-Sip-Gateway-MP-124\x20F
SF:XS/v\.6\.00A\.034\.003\r\nAllow:\x20INVITE,\x20ACK,\x20CANCEL,\x20BYE,\
SF:x20OPTIONS,\x20INFO,\x20NOTIFY,\x20REFER\r\nAccept:\x20application/sdp\
SF:r\nContent-Length:\x200\r\n\r\n");
