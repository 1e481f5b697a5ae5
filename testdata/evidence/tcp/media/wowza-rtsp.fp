# source: hand-made from Wowza Streaming Engine 4.8 OPTIONS reply
# expect: rtsp | Wowza Streaming Engine rtspd | 4.8.26
SF-Port554-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(RTSPRequest,ED,"RTSP/1\.0\x20200\x20OK\r\nCSeq:\x200\r\nServer:\x
SF:20Wowza\x20Streaming\x20Engine\x204\.8\.26\+4\x20build20231212\r\nCache
SF:-Control:\x20no-cache\r\nPublic:\x20DESCRIBE,\x20SETUP,\x20TEARDOWN,\x2
SF:0PLAY,\x20PAUSE,\x20OPTIONS,\x20ANNOUNCE,\x20RECORD,\x20GET_PARAMETER\r
SF:\nSupported:\x20play\.basic,\x20con\.persistent\r\n\r\n");
