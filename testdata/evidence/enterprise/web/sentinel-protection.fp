# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours
# expect: http | SafeNet Sentinel Protection Server | 7.3
SF-Port6002-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,104,"HTTP/1\.1\x20404\x20Not\x20Found\r\nDate:\x20Mon,
SF:\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nServer:\x20SentinelProtecti
SF:onServer/7\.3\r\nContent-Type:\x20text/html\r\nContent-Length:\x2095\r\
SF:nConnection:\x20close\r\n\r\n<html>\n<head><title>404\x20Not\x20Found</
SF:title></head>\n<body>\n<h1>404\x20Not\x20Found</h1>\n</body>\n</html>\n
SF:");
