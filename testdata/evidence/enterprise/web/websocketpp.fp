# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours
# expect: http | WebSocket++ | 0.8.2
SF-Port9002-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,10F,"HTTP/1\.1\x20426\x20Upgrade\x20Required\r\nDate:\
SF:x20Mon,\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nServer:\x20WebSocket
SF:\+\+/0\.8\.2\r\nContent-Type:\x20text/html\r\nContent-Length:\x20109\r\
SF:nConnection:\x20close\r\n\r\n<html>\n<head><title>426\x20Upgrade\x20Req
SF:uired</title></head>\n<body>\n<h1>426\x20Upgrade\x20Required</h1>\n</bo
SF:dy>\n</html>\n");
