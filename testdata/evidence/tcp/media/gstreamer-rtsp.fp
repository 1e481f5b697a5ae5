# source: hand-made from gst-rtsp-server 1.22 OPTIONS reply (RFC 2326 10.1)
# expect: rtsp | GStreamer rtspd
SF-Port554-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(RTSPRequest,C9,"RTSP/1\.0\x20200\x20OK\r\nCSeq:\x200\r\nPublic:\x
SF:20OPTIONS,\x20DESCRIBE,\x20ANNOUNCE,\x20GET_PARAMETER,\x20PAUSE,\x20PLA
SF:Y,\x20RECORD,\x20SETUP,\x20SET_PARAMETER,\x20TEARDOWN\r\nServer:\x20GSt
SF:reamer\x20RTSP\x20server\r\nDate:\x20Wed,\x2025\x20Nov\x202026\x2019:31
SF::07\x20GMT\r\n\r\n");
