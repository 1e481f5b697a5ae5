# source: hand-made: RFC 9112 response to GET / with Server: "tivo-httpd-1:20.7.4.RC35-D18-6:D18" as observed from the device (Rapid7 Recog xml/http_servers.xml example)
# expect: http | TiVo httpd | 20.7.4.RC35 |
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,11B,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x20De
SF:c\x202026\x2012:00:00\x20GMT\r\nServer:\x20tivo-httpd-1:20\.7\.4\.RC35-
SF:D18-6:D18\r\nContent-Type:\x20text/html\r\nConnection:\x20close\r\nCont
SF:ent-Length:\x20118\r\n\r\n<!DOCTYPE\x20html>\n<html>\n<head>\n<meta\x20
SF:charset=\"utf-8\">\n<title>Login</title>\n</head>\n<body>\n<p>Login</p>
SF:\n</body>\n</html>\n");
