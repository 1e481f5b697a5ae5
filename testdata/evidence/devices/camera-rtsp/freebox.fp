# source: hand-made: RFC 2326 OPTIONS reply (10.1) with Server: "fbxrtspd/1.2 Freebox RTSP server" as observed from the device (Rapid7 Recog xml/rtsp_servers.xml example)
# expect: rtsp | Freebox rtspd | 1.2
SF-Port554-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-g
SF:nu%r(RTSPRequest,94,"RTSP/1\.0\x20200\x20OK\r\nServer:\x20fbxrtspd/1\.2
SF:\x20Freebox\x20RTSP\x20server\r\nPublic:\x20OPTIONS,\x20DESCRIBE,\x20SE
SF:TUP,\x20PLAY,\x20PAUSE,\x20TEARDOWN,\x20GET_PARAMETER,\x20SET_PARAMETER
SF:\r\n\r\n");
