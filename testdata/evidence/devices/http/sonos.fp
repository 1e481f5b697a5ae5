# source: hand-made: RFC 9112 response to GET / with Server: "Linux UPnP/1.0 Sonos/47.2-59120 (ZPS3)" as observed from the device (Rapid7 Recog xml/http_servers.xml example)
# expect: http | Sonos httpd | 47.2-59120 | ZPS3
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,11F,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x20De
SF:c\x202026\x2012:00:00\x20GMT\r\nServer:\x20Linux\x20UPnP/1\.0\x20Sonos/
SF:47\.2-59120\x20\(ZPS3\)\r\nContent-Type:\x20text/html\r\nConnection:\x2
SF:0close\r\nContent-Length:\x20118\r\n\r\n<!DOCTYPE\x20html>\n<html>\n<he
SF:ad>\n<meta\x20charset=\"utf-8\">\n<title>Login</title>\n</head>\n<body>
SF:\n<p>Login</p>\n</body>\n</html>\n");
