# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours
# expect: http | Sun ONE Web Server | 6.1
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,EB,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Mon,\x2007\x20Dec
SF:\x202026\x2010:00:00\x20GMT\r\nServer:\x20Sun-ONE-Web-Server/6\.1\r\nCo
SF:ntent-Type:\x20text/html\r\nContent-Length:\x2083\r\nConnection:\x20clo
SF:se\r\n\r\n<html>\n<head><title>Welcome</title></head>\n<body>\n<h1>Welc
SF:ome</h1>\n</body>\n</html>\n");
