# source: hand-made: RFC 9112 response to GET / with Server: "Grandstream GXP2020 1.2.5.3" as observed from the device (Rapid7 Recog xml/http_servers.xml example)
# expect: http | Grandstream GXP phone http config | 1.2.5.3 | GXP2020
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,114,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x20De
SF:c\x202026\x2012:00:00\x20GMT\r\nServer:\x20Grandstream\x20GXP2020\x201\
SF:.2\.5\.3\r\nContent-Type:\x20text/html\r\nConnection:\x20close\r\nConte
SF:nt-Length:\x20118\r\n\r\n<!DOCTYPE\x20html>\n<html>\n<head>\n<meta\x20c
SF:harset=\"utf-8\">\n<title>Login</title>\n</head>\n<body>\n<p>Login</p>\
SF:n</body>\n</html>\n");
