# source: hand-made: RFC 9112 response to GET / with Server: "Linux, HTTP/1.1, DIR-815 Ver 1.04" as observed from the device (Rapid7 Recog xml/http_servers.xml example)
# expect: http | D-Link router http config | 1.04 | DIR-815
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,11A,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x20De
SF:c\x202026\x2012:00:00\x20GMT\r\nServer:\x20Linux,\x20HTTP/1\.1,\x20DIR-
SF:815\x20Ver\x201\.04\r\nContent-Type:\x20text/html\r\nConnection:\x20clo
SF:se\r\nContent-Length:\x20118\r\n\r\n<!DOCTYPE\x20html>\n<html>\n<head>\
SF:n<meta\x20charset=\"utf-8\">\n<title>Login</title>\n</head>\n<body>\n<p
SF:>Login</p>\n</body>\n</html>\n");
