# source: hand-made: RFC 9110 401 response to GET / with WWW-Authenticate Basic realm "SmartAX MT882" as observed from the device (Rapid7 Recog xml/http_wwwauth.xml example)
# expect: http | Huawei SmartAX http config | | MT882
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,140,"HTTP/1\.1\x20401\x20Unauthorized\r\nDate:\x20Sun,\x
SF:2006\x20Dec\x202026\x2012:00:00\x20GMT\r\nWWW-Authenticate:\x20Basic\x2
SF:0realm=\"SmartAX\x20MT882\"\r\nContent-Type:\x20text/html\r\nConnection
SF::\x20close\r\nContent-Length:\x20142\r\n\r\n<!DOCTYPE\x20html>\n<html>\
SF:n<head>\n<meta\x20charset=\"utf-8\">\n<title>401\x20Unauthorized</title
SF:>\n</head>\n<body>\n<h1>401\x20Unauthorized</h1>\n</body>\n</html>\n");
