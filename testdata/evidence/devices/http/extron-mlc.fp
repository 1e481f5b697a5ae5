# source: hand-made: RFC 9112 response to GET / with Server: "MLC 104 IP PLUS/1.03" as observed from the device (Rapid7 Recog xml/http_servers.xml example)
# expect: http | Extron MediaLink controller httpd | 1.03 | MLC 104 IP PLUS
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,10B,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x20De
SF:c\x202026\x2012:00:00\x20GMT\r\nServer:\x20MLC\x20104\x20IP\x20PLUS/1\.
SF:03\r\nContent-Type:\x20text/html\r\nConnection:\x20close\r\nContent-Len
SF:gth:\x20116\r\n\r\n<!DOCTYPE\x20html>\n<html>\n<head>\n<meta\x20charset
SF:=\"utf-8\">\n<title>Home</title>\n</head>\n<body>\n<p>Home</p>\n</body>
SF:\n</html>\n");
