# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours
# expect: http | Amazon Elastic Load Balancing | 2.0
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,111,"HTTP/1\.1\x20503\x20Service\x20Unavailable\r\nDate:
SF:\x20Mon,\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nServer:\x20awselb/2
SF:\.0\r\nContent-Type:\x20text/html\r\nContent-Length:\x20115\r\nConnecti
SF:on:\x20close\r\n\r\n<html>\n<head><title>503\x20Service\x20Unavailable<
SF:/title></head>\n<body>\n<h1>503\x20Service\x20Unavailable</h1>\n</body>
SF:\n</html>\n");
