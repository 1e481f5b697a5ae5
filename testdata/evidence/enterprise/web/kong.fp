# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours (the 404 body is Kong's documented answer when no route matches)
# expect: http | Kong API gateway | 1.2.1
SF-Port8000-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,D9,"HTTP/1\.1\x20404\x20Not\x20Found\r\nDate:\x20Mon,\
SF:x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nContent-Type:\x20application
SF:/json;\x20charset=utf-8\r\nConnection:\x20close\r\nContent-Length:\x204
SF:8\r\nServer:\x20kong/1\.2\.1\r\n\r\n{\"message\":\"no\x20Route\x20match
SF:ed\x20with\x20those\x20values\"}");
