# source: hand-made: RFC 9110 401 response to GET / with WWW-Authenticate Basic realm "DELL | SonicWALL SonicPoint ACe/ACi/N2" as observed from the device (Rapid7 Recog xml/http_wwwauth.xml example)
# expect: http | SonicWall SonicPoint http config | |
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,159,"HTTP/1\.1\x20401\x20Unauthorized\r\nDate:\x20Sun,\x
SF:2006\x20Dec\x202026\x2012:00:00\x20GMT\r\nWWW-Authenticate:\x20Basic\x2
SF:0realm=\"DELL\x20\|\x20SonicWALL\x20SonicPoint\x20ACe/ACi/N2\"\r\nConte
SF:nt-Type:\x20text/html\r\nConnection:\x20close\r\nContent-Length:\x20142
SF:\r\n\r\n<!DOCTYPE\x20html>\n<html>\n<head>\n<meta\x20charset=\"utf-8\">
SF:\n<title>401\x20Unauthorized</title>\n</head>\n<body>\n<h1>401\x20Unaut
SF:horized</h1>\n</body>\n</html>\n");
