# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours
# expect: http | Microsoft .NET Remoting httpd | | .NET CLR 2.0.50727.42
SF-Port8080-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,112,"HTTP/1\.1\x20404\x20Not\x20Found\r\nDate:\x20Mon,
SF:\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nServer:\x20MS\x20\.NET\x20R
SF:emoting,\x20MS\x20\.NET\x20CLR\x202\.0\.50727\.42\r\nContent-Type:\x20t
SF:ext/html\r\nContent-Length:\x2095\r\nConnection:\x20close\r\n\r\n<html>
SF:\n<head><title>404\x20Not\x20Found</title></head>\n<body>\n<h1>404\x20N
SF:ot\x20Found</h1>\n</body>\n</html>\n");
