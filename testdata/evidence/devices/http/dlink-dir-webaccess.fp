# source: hand-made: RFC 9112 response to GET / with Server: "Linux, WEBACCESS/1.0, DIR-850L Ver 1.14WW" as observed from the device (Rapid7 Recog xml/http_servers.xml example)
# expect: http | D-Link router http config | 1.14WW | DIR-850L
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,122,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x20De
SF:c\x202026\x2012:00:00\x20GMT\r\nServer:\x20Linux,\x20WEBACCESS/1\.0,\x2
SF:0DIR-850L\x20Ver\x201\.14WW\r\nContent-Type:\x20text/html\r\nConnection
SF::\x20close\r\nContent-Length:\x20118\r\n\r\n<!DOCTYPE\x20html>\n<html>\
SF:n<head>\n<meta\x20charset=\"utf-8\">\n<title>Login</title>\n</head>\n<b
SF:ody>\n<p>Login</p>\n</body>\n</html>\n");
