# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours
# expect: http | IBM WebSphere Application Server | 6.1
SF-Port9080-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,F5,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Mon,\x2007\x20D
SF:ec\x202026\x2010:00:00\x20GMT\r\nServer:\x20WebSphere\x20Application\x2
SF:0Server/6\.1\r\nContent-Type:\x20text/html\r\nContent-Length:\x2083\r\n
SF:Connection:\x20close\r\n\r\n<html>\n<head><title>Welcome</title></head>
SF:\n<body>\n<h1>Welcome</h1>\n</body>\n</html>\n");
