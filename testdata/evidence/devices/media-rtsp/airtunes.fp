# source: hand-made: RFC 2326 OPTIONS reply of an AirPlay receiver (the Public list of the RAOP protocol) with Server: "AirTunes/220.68" as observed (Rapid7 Recog xml/http_servers.xml example)
# expect: rtsp | Apple AirTunes rtspd | 220.68
SF-Port7000-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(RTSPRequest,97,"RTSP/1\.0\x20200\x20OK\r\nPublic:\x20ANNOUNCE,\x2
SF:0SETUP,\x20RECORD,\x20PAUSE,\x20FLUSH,\x20TEARDOWN,\x20OPTIONS,\x20GET_
SF:PARAMETER,\x20SET_PARAMETER,\x20POST,\x20GET\r\nServer:\x20AirTunes/220
SF:\.68\r\n\r\n");
