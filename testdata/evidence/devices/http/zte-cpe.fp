# source: hand-made: RFC 9110 401 response to GET / with WWW-Authenticate Digest realm "cpe@zte.com" as observed from the device (Rapid7 Recog xml/http_wwwauth.xml example)
# expect: http | ZTE CPE http config | |
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,165,"HTTP/1\.1\x20401\x20Unauthorized\r\nDate:\x20Sun,\x
SF:2006\x20Dec\x202026\x2012:00:00\x20GMT\r\nWWW-Authenticate:\x20Digest\x
SF:20realm=\"cpe@zte\.com\",\x20qop=\"auth\",\x20nonce=\"0d7a3e5c9b1f42a6\
SF:"\r\nContent-Type:\x20text/html\r\nConnection:\x20close\r\nContent-Leng
SF:th:\x20142\r\n\r\n<!DOCTYPE\x20html>\n<html>\n<head>\n<meta\x20charset=
SF:\"utf-8\">\n<title>401\x20Unauthorized</title>\n</head>\n<body>\n<h1>40
SF:1\x20Unauthorized</h1>\n</body>\n</html>\n");
