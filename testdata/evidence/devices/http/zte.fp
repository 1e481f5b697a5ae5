# source: hand-made: RFC 9112 response to GET / with Server: "Mini web server 1.0 ZTE corp 2005." as observed from the device (Rapid7 Recog xml/http_servers.xml example)
# expect: http | ZTE router httpd | 1.0 |
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,11B,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x20De
SF:c\x202026\x2012:00:00\x20GMT\r\nServer:\x20Mini\x20web\x20server\x201\.
SF:0\x20ZTE\x20corp\x202005\.\r\nContent-Type:\x20text/html\r\nConnection:
SF:\x20close\r\nContent-Length:\x20118\r\n\r\n<!DOCTYPE\x20html>\n<html>\n
SF:<head>\n<meta\x20charset=\"utf-8\">\n<title>Login</title>\n</head>\n<bo
SF:dy>\n<p>Login</p>\n</body>\n</html>\n");
