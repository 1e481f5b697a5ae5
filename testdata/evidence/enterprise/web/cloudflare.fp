# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours
# expect: http | Cloudflare http proxy
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,110,"HTTP/1\.1\x20403\x20Forbidden\r\nDate:\x20Mon,\x200
SF:7\x20Dec\x202026\x2010:00:00\x20GMT\r\nServer:\x20cloudflare\r\nCF-RAY:
SF:\x208e2f1a7b3c4d5e6f-FRA\r\nContent-Type:\x20text/html\r\nContent-Lengt
SF:h:\x2095\r\nConnection:\x20close\r\n\r\n<html>\n<head><title>403\x20For
SF:bidden</title></head>\n<body>\n<h1>403\x20Forbidden</h1>\n</body>\n</ht
SF:ml>\n");
