# source: hand-made: RFC 9112 response to GET / with Server: "IX Series IX2106 (magellan-sec) Software, Version 10.2.20, RELEASE SOFTWARE" as observed from the device (Rapid7 Recog xml/http_servers.xml example)
# expect: http | NEC UNIVERGE IX router httpd | 10.2.20 | IX2106
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,144,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x20De
SF:c\x202026\x2012:00:00\x20GMT\r\nServer:\x20IX\x20Series\x20IX2106\x20\(
SF:magellan-sec\)\x20Software,\x20Version\x2010\.2\.20,\x20RELEASE\x20SOFT
SF:WARE\r\nContent-Type:\x20text/html\r\nConnection:\x20close\r\nContent-L
SF:ength:\x20118\r\n\r\n<!DOCTYPE\x20html>\n<html>\n<head>\n<meta\x20chars
SF:et=\"utf-8\">\n<title>Login</title>\n</head>\n<body>\n<p>Login</p>\n</b
SF:ody>\n</html>\n");
