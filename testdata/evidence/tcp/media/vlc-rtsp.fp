# source: hand-made from VLC 3.0 RTSP output OPTIONS reply
# expect: rtsp | VLC rtspd | 3.0.18
SF-Port554-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(RTSPRequest,74,"RTSP/1\.0\x20200\x20OK\r\nServer:\x20VLC/3\.0\.18
SF:\r\nContent-Length:\x200\r\nPublic:\x20DESCRIBE,SETUP,TEARDOWN,PLAY,PAU
SF:SE,GET_PARAMETER\r\n\r\n");
