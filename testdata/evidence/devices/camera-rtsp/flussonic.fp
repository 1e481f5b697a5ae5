# source: hand-made: RFC 2326 OPTIONS reply (10.1) with Server: "Flussonic (http://www.flussonic.com/) 20.01" as observed from the device (Rapid7 Recog xml/rtsp_servers.xml example)
# expect: rtsp | Flussonic Media Server | 20.01
SF-Port554-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-g
SF:nu%r(RTSPRequest,9F,"RTSP/1\.0\x20200\x20OK\r\nServer:\x20Flussonic\x20
SF:\(http://www\.flussonic\.com/\)\x2020\.01\r\nPublic:\x20OPTIONS,\x20DES
SF:CRIBE,\x20SETUP,\x20PLAY,\x20PAUSE,\x20TEARDOWN,\x20GET_PARAMETER,\x20S
SF:ET_PARAMETER\r\n\r\n");
