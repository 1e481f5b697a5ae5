# source: hand-made: RFC 2326 OPTIONS reply (10.1) with Server: "Linux/2.6.35.14_nl-xarina+ Ze-PRO" as observed from the device (Rapid7 Recog xml/rtsp_servers.xml example)
# expect: rtsp | Sony network camera rtspd | |
SF-Port554-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-g
SF:nu%r(RTSPRequest,95,"RTSP/1\.0\x20200\x20OK\r\nServer:\x20Linux/2\.6\.3
SF:5\.14_nl-xarina\+\x20Ze-PRO\r\nPublic:\x20OPTIONS,\x20DESCRIBE,\x20SETU
SF:P,\x20PLAY,\x20PAUSE,\x20TEARDOWN,\x20GET_PARAMETER,\x20SET_PARAMETER\r
SF:\n\r\n");
