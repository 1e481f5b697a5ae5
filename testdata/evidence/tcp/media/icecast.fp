# source: Debian 12 icecast2 2.4.4-4+b1, captured on loopback
# expect: http | Icecast streaming media server | 2.4.4
SF-Port44007-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B73%P=x86_64-pc-linu
SF:x-gnu%r(GetRequest,16A,"HTTP/1\.0\x20404\x20File\x20Not\x20Found\r\nSer
SF:ver:\x20Icecast\x202\.4\.4\r\nConnection:\x20Close\r\nDate:\x20Wed,\x20
SF:25\x20Nov\x202026\x2019:47:57\x20GMT\r\nContent-Type:\x20text/html;\x20
SF:charset=utf-8\r\nCache-Control:\x20no-cache,\x20no-store\r\nExpires:\x2
SF:0Mon,\x2026\x20Jul\x201997\x2005:00:00\x20GMT\r\nPragma:\x20no-cache\r\
SF:n\r\n<html><head><title>Error\x20404</title></head><body><b>404\x20-\x2
SF:0The\x20file\x20you\x20requested\x20could\x20not\x20be\x20found</b></bo
SF:dy></html>\r\n")%r(FourOhFourRequest,16A,"HTTP/1\.0\x20404\x20File\x20N
SF:ot\x20Found\r\nServer:\x20Icecast\x202\.4\.4\r\nConnection:\x20Close\r\
SF:nDate:\x20Wed,\x2025\x20Nov\x202026\x2019:47:57\x20GMT\r\nContent-Type:
SF:\x20text/html;\x20charset=utf-8\r\nCache-Control:\x20no-cache,\x20no-st
SF:ore\r\nExpires:\x20Mon,\x2026\x20Jul\x201997\x2005:00:00\x20GMT\r\nPrag
SF:ma:\x20no-cache\r\n\r\n<html><head><title>Error\x20404</title></head><b
SF:ody><b>404\x20-\x20The\x20file\x20you\x20requested\x20could\x20not\x20b
SF:e\x20found</b></body></html>\r\n");
