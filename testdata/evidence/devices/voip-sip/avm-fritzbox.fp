# source: hand-made: RFC 3261 OPTIONS response (8.2.6, 11.2) carrying User-Agent: "AVM FRITZ!Box Fon 06.03.65 (Jun  7 2005)" as observed from the device (Rapid7 Recog xml/sip_user_agents.xml example)
# expect: sip | AVM FRITZ!Box | 06.03.65 | FRITZ!Box Fon
SF-Port5060-UDP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(SIPOptions,150,"SIP/2\.0\x20200\x20OK\r\nVia:\x20SIP/2\.0/UDP\x20
SF:nm;branch=foo;rport=5060;received=192\.0\.2\.1\r\nFrom:\x20<sip:nm@nm>;
SF:tag=root\r\nTo:\x20<sip:nm2@nm2>;tag=a73kszlfl\r\nCall-ID:\x2050000\r\n
SF:CSeq:\x2042\x20OPTIONS\r\nUser-Agent:\x20AVM\x20FRITZ!Box\x20Fon\x2006\
SF:.03\.65\x20\(Jun\x20\x207\x202005\)\r\nAllow:\x20INVITE,\x20ACK,\x20CAN
SF:CEL,\x20BYE,\x20OPTIONS,\x20INFO,\x20NOTIFY,\x20REFER\r\nAccept:\x20app
SF:lication/sdp\r\nContent-Length:\x200\r\n\r\n");
