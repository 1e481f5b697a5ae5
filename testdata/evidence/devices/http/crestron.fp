# source: hand-made: RFC 9112 response to GET / with Server: "Crestron Webserver" as observed from the device (Rapid7 Recog xml/http_servers.xml example)
# expect: http | Crestron httpd | |
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,10B,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x20De
SF:c\x202026\x2012:00:00\x20GMT\r\nServer:\x20Crestron\x20Webserver\r\nCon
SF:tent-Type:\x20text/html\r\nConnection:\x20close\r\nContent-Length:\x201
SF:18\r\n\r\n<!DOCTYPE\x20html>\n<html>\n<head>\n<meta\x20charset=\"utf-8\
SF:">\n<title>Login</title>\n</head>\n<body>\n<p>Login</p>\n</body>\n</htm
SF:l>\n");
