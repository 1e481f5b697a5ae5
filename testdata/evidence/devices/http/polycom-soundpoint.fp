# source: hand-made: RFC 9112 response to GET / with Server: "Polycom SoundPoint IP Telephone HTTPd" as observed from the device (Rapid7 Recog xml/http_servers.xml example)
# expect: http | Polycom SoundPoint IP phone http config | |
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,11E,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x20De
SF:c\x202026\x2012:00:00\x20GMT\r\nServer:\x20Polycom\x20SoundPoint\x20IP\
SF:x20Telephone\x20HTTPd\r\nContent-Type:\x20text/html\r\nConnection:\x20c
SF:lose\r\nContent-Length:\x20118\r\n\r\n<!DOCTYPE\x20html>\n<html>\n<head
SF:>\n<meta\x20charset=\"utf-8\">\n<title>Login</title>\n</head>\n<body>\n
SF:<p>Login</p>\n</body>\n</html>\n");
