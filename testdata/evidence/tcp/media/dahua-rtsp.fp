# source: hand-made from Dahua camera RTSP OPTIONS reply (Server: Rtsp Server/3.0)
# expect: rtsp | Dahua IP camera rtspd | 3.0
SF-Port554-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(RTSPRequest,96,"RTSP/1\.0\x20200\x20OK\r\nCSeq:\x200\r\nServer:\x
SF:20Rtsp\x20Server/3\.0\r\nPublic:\x20OPTIONS,\x20DESCRIBE,\x20ANNOUNCE,\
SF:x20SETUP,\x20PLAY,\x20PAUSE,\x20TEARDOWN,\x20GET_PARAMETER,\x20SET_PARA
SF:METER\r\n\r\n");
