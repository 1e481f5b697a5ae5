# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours
# expect: http | Lyris ListManager httpd | 8.8a
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,107,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Mon,\x2007\x20De
SF:c\x202026\x2010:00:00\x20GMT\r\nServer:\x20ListManagerWeb/8\.8a\x20\(ba
SF:sed\x20on\x20Tcl-Webserver/3\.4\.2\)\r\nContent-Type:\x20text/html\r\nC
SF:ontent-Length:\x2083\r\nConnection:\x20close\r\n\r\n<html>\n<head><titl
SF:e>Welcome</title></head>\n<body>\n<h1>Welcome</h1>\n</body>\n</html>\n"
SF:);
