# source: hand-made: RFC 2326 OPTIONS reply (10.1) with Server: "Cisco MediaSense Media Server" as observed from the device (Rapid7 Recog xml/rtsp_servers.xml example)
# expect: rtsp | Cisco MediaSense | |
SF-Port554-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-g
SF:nu%r(RTSPRequest,91,"RTSP/1\.0\x20200\x20OK\r\nServer:\x20Cisco\x20Medi
SF:aSense\x20Media\x20Server\r\nPublic:\x20OPTIONS,\x20DESCRIBE,\x20SETUP,
SF:\x20PLAY,\x20PAUSE,\x20TEARDOWN,\x20GET_PARAMETER,\x20SET_PARAMETER\r\n
SF:\r\n");
