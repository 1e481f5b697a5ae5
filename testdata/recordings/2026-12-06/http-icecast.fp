# recorded by signet 0.1.0 from 127.0.0.1 port 41800/tcp on 2026-12-06T12:39:55Z
# source: Debian 12 icecast2 2.4.4-4+b1 on the loopback testbed (testbed/testbed.sh, id http-icecast), recorded 2026-12-06 with signet --version-record
# expect: http | Icecast streaming media server
SF-Port41800-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B15579B%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,16A,"HTTP/1\.0\x20404\x20File\x20Not\x20Found\r\nServ
SF:er:\x20Icecast\x202\.4\.4\r\nConnection:\x20Close\r\nDate:\x20Sun,\x200
SF:6\x20Dec\x202026\x2012:39:32\x20GMT\r\nContent-Type:\x20text/html;\x20c
SF:harset=utf-8\r\nCache-Control:\x20no-cache,\x20no-store\r\nExpires:\x20
SF:Mon,\x2026\x20Jul\x201997\x2005:00:00\x20GMT\r\nPragma:\x20no-cache\r\n
SF:\r\n<html><head><title>Error\x20404</title></head><body><b>404\x20-\x20
SF:The\x20file\x20you\x20requested\x20could\x20not\x20be\x20found</b></bod
SF:y></html>\r\n")%r(FourOhFourRequest,16A,"HTTP/1\.0\x20404\x20File\x20No
SF:t\x20Found\r\nServer:\x20Icecast\x202\.4\.4\r\nConnection:\x20Close\r\n
SF:Date:\x20Sun,\x2006\x20Dec\x202026\x2012:39:32\x20GMT\r\nContent-Type:\
SF:x20text/html;\x20charset=utf-8\r\nCache-Control:\x20no-cache,\x20no-sto
SF:re\r\nExpires:\x20Mon,\x2026\x20Jul\x201997\x2005:00:00\x20GMT\r\nPragm
SF:a:\x20no-cache\r\n\r\n<html><head><title>Error\x20404</title></head><bo
SF:dy><b>404\x20-\x20The\x20file\x20you\x20requested\x20could\x20not\x20be
SF:\x20found</b></body></html>\r\n");
