# source: hand-made: RFC 2326 OPTIONS reply with the Server header Apple Darwin Streaming Server 6.0.3 builds (its source, QTSServerInterface: "DSS/<version> (Build/<build>; Platform/<os>; Release/<release>; State/<state>; )")
# expect: rtsp | Darwin Streaming Server | 6.0.3 | build 526.3; Linux
SF-Port554-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-g
SF:nu%r(RTSPRequest,D2,"RTSP/1\.0\x20200\x20OK\r\nServer:\x20DSS/6\.0\.3\x
SF:20\(Build/526\.3;\x20Platform/Linux;\x20Release/Darwin\x20Streaming\x20
SF:Server;\x20State/Experimental;\x20\)\r\nPublic:\x20OPTIONS,\x20DESCRIBE
SF:,\x20SETUP,\x20PLAY,\x20PAUSE,\x20TEARDOWN,\x20GET_PARAMETER,\x20SET_PA
SF:RAMETER\r\n\r\n");
