# source: hand-made: RFC 9112 response to GET / with Server: "HeiTel GmbH Web Server [V1.26/V1.15/V1.7]" as observed from the device (Rapid7 Recog xml/http_servers.xml example)
# expect: http | HeiTel DVR httpd | V1.26/V1.15/V1.7 |
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,122,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x20De
SF:c\x202026\x2012:00:00\x20GMT\r\nServer:\x20HeiTel\x20GmbH\x20Web\x20Ser
SF:ver\x20\[V1\.26/V1\.15/V1\.7\]\r\nContent-Type:\x20text/html\r\nConnect
SF:ion:\x20close\r\nContent-Length:\x20118\r\n\r\n<!DOCTYPE\x20html>\n<htm
SF:l>\n<head>\n<meta\x20charset=\"utf-8\">\n<title>Login</title>\n</head>\
SF:n<body>\n<p>Login</p>\n</body>\n</html>\n");
