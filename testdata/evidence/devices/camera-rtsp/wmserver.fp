# source: hand-made: RFC 2326 OPTIONS reply (10.1) with Server: "WMServer/9.5.6001.22609" as observed from the device (Rapid7 Recog xml/rtsp_servers.xml example)
# expect: rtsp | Microsoft Windows Media Services | 9.5.6001.22609
SF-Port554-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-g
SF:nu%r(RTSPRequest,8B,"RTSP/1\.0\x20200\x20OK\r\nServer:\x20WMServer/9\.5
SF:\.6001\.22609\r\nPublic:\x20OPTIONS,\x20DESCRIBE,\x20SETUP,\x20PLAY,\x2
SF:0PAUSE,\x20TEARDOWN,\x20GET_PARAMETER,\x20SET_PARAMETER\r\n\r\n");
