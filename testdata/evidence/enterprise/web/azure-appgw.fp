# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours
# expect: http | Microsoft Azure Application Gateway | v2
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,114,"HTTP/1\.1\x20502\x20Bad\x20Gateway\r\nDate:\x20Mon,
SF:\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nServer:\x20Microsoft-Azure-
SF:Application-Gateway/v2\r\nContent-Type:\x20text/html\r\nContent-Length:
SF:\x2099\r\nConnection:\x20close\r\n\r\n<html>\n<head><title>502\x20Bad\x
SF:20Gateway</title></head>\n<body>\n<h1>502\x20Bad\x20Gateway</h1>\n</bod
SF:y>\n</html>\n");
