# source: hand-made: RFC 2326 OPTIONS reply (10.1) with Server: "HiIpcam/V100R003 VodServer/1.0.0" as observed from the device (Rapid7 Recog xml/rtsp_servers.xml example)
# expect: rtsp | Foscam IP camera rtspd | | HiIpcam V100R003
SF-Port554-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-g
SF:nu%r(RTSPRequest,94,"RTSP/1\.0\x20200\x20OK\r\nServer:\x20HiIpcam/V100R
SF:003\x20VodServer/1\.0\.0\r\nPublic:\x20OPTIONS,\x20DESCRIBE,\x20SETUP,\
SF:x20PLAY,\x20PAUSE,\x20TEARDOWN,\x20GET_PARAMETER,\x20SET_PARAMETER\r\n\
SF:r\n");
