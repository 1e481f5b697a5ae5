# source: hand-made from Hikvision camera RTSP (401 with Digest realm "IP Camera(...)")
# expect: rtsp | Hikvision IP camera rtspd
SF-Port554-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(RTSPRequest,A0,"RTSP/1\.0\x20401\x20Unauthorized\r\nCSeq:\x200\r\
SF:nWWW-Authenticate:\x20Digest\x20realm=\"IP\x20Camera\(C6214\)\",\x20non
SF:ce=\"a1b2c3d4\",\x20stale=\"FALSE\"\r\nDate:\x20\x20Wed,\x20Nov\x2025\x
SF:202026\x2019:31:07\x20GMT\r\n\r\n");
