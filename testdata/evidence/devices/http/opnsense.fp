# source: hand-made: RFC 9112 response to GET / with Server: "OPNsense" as observed from the device (Rapid7 Recog xml/http_servers.xml example)
# expect: http | OPNsense http config | |
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,101,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x20De
SF:c\x202026\x2012:00:00\x20GMT\r\nServer:\x20OPNsense\r\nContent-Type:\x2
SF:0text/html\r\nConnection:\x20close\r\nContent-Length:\x20118\r\n\r\n<!D
SF:OCTYPE\x20html>\n<html>\n<head>\n<meta\x20charset=\"utf-8\">\n<title>Lo
SF:gin</title>\n</head>\n<body>\n<p>Login</p>\n</body>\n</html>\n");
