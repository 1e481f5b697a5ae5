# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours
# expect: http | Amazon CloudFront
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,1B7,"HTTP/1\.1\x20403\x20Forbidden\r\nDate:\x20Mon,\x200
SF:7\x20Dec\x202026\x2010:00:00\x20GMT\r\nServer:\x20CloudFront\r\nX-Cache
SF::\x20Error\x20from\x20cloudfront\r\nVia:\x201\.1\x200f3c71e93b8a8d2a3fd
SF:7e1a1c5e6f2b4\.cloudfront\.net\x20\(CloudFront\)\r\nX-Amz-Cf-Pop:\x20FR
SF:A56-P5\r\nX-Amz-Cf-Id:\x203vE8qH5mZk2Lq9cJx1Wn7Rb0Ty4Uo6Ps8Dg2Fh5Jk1Lz3
SF:Xc7Vb9Nm==\r\nContent-Type:\x20text/html\r\nContent-Length:\x2095\r\nCo
SF:nnection:\x20close\r\n\r\n<html>\n<head><title>403\x20Forbidden</title>
SF:</head>\n<body>\n<h1>403\x20Forbidden</h1>\n</body>\n</html>\n");
