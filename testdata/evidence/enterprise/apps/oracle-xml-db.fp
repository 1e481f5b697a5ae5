# source: hand-made: Oracle XML DB's HTTP listener asking for credentials; Server and realm are the values Rapid7 Recog xml/http_servers.xml and http_wwwauth.xml list for it
# expect: http | Oracle XML DB
SF-Port8080-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,130,"HTTP/1\.1\x20401\x20Unauthorized\r\nDate:\x20Mon,
SF:\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nServer:\x20Oracle\x20XML\x2
SF:0DB/Oracle\x20Database\r\nWWW-Authenticate:\x20Basic\x20realm=\"XDB\"\r
SF:\nContent-Type:\x20text/html;\x20charset=UTF-8\r\nContent-Length:\x2010
SF:1\r\n\r\n<html>\n<head><title>401\x20Unauthorized</title></head>\n<body
SF:>\n<h1>401\x20Unauthorized</h1>\n</body>\n</html>\n");
