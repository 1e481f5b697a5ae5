# source: hand-made from RFC 2326 (200 OK to OPTIONS; pcre/testdata/corpus/hand-rtsp--RTSPRequest.bin)
# expect: rtsp | |
SF-Port554-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(RTSPRequest,55,"RTSP/1\.0\x20200\x20OK\r\nCSeq:\x201\r\nPublic:\x
SF:20OPTIONS,\x20DESCRIBE,\x20SETUP,\x20TEARDOWN,\x20PLAY,\x20PAUSE\r\n\r\
SF:n");
