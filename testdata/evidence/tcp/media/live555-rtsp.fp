# source: hand-made from LIVE555 Media Server OPTIONS reply
# expect: rtsp | LIVE555 rtspd | 2022.10.01
SF-Port554-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(RTSPRequest,C5,"RTSP/1\.0\x20200\x20OK\r\nCSeq:\x200\r\nDate:\x20
SF:Wed,\x20Nov\x2025\x202026\x2019:31:07\x20GMT\r\nServer:\x20LIVE555\x20S
SF:treaming\x20Media\x20v2022\.10\.01\r\nPublic:\x20OPTIONS,\x20DESCRIBE,\
SF:x20SETUP,\x20TEARDOWN,\x20PLAY,\x20PAUSE,\x20GET_PARAMETER,\x20SET_PARA
SF:METER\r\n\r\n");
