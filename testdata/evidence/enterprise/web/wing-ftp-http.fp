# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours
# expect: http | Wing FTP Server httpd | 3.6.0
SF-Port5466-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,F8,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Mon,\x2007\x20D
SF:ec\x202026\x2010:00:00\x20GMT\r\nServer:\x20Wing\x20FTP\x20Server/3\.6\
SF:.0\(Example\x20Corp\)\r\nContent-Type:\x20text/html\r\nContent-Length:\
SF:x2083\r\nConnection:\x20close\r\n\r\n<html>\n<head><title>Welcome</titl
SF:e></head>\n<body>\n<h1>Welcome</h1>\n</body>\n</html>\n");
