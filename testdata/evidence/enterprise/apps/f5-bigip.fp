# source: hand-made: a reply passed through an F5 BIG-IP virtual server with cookie persistence: the BIGipServer<pool> cookie encoding the pool member's address and port (F5 article K6917, "Overview of BIG-IP persistence cookie encoding")
# expect: http | F5 BIG-IP load balancer
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,114,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Mon,\x2007\x20De
SF:c\x202026\x2010:00:00\x20GMT\r\nContent-Type:\x20text/html\r\nContent-L
SF:ength:\x2083\r\nConnection:\x20close\r\nSet-Cookie:\x20BIGipServerpool_
SF:web=1677787402\.20480\.0000;\x20path=/;\x20Httponly\r\n\r\n<html>\n<hea
SF:d><title>Welcome</title></head>\n<body>\n<h1>Welcome</h1>\n</body>\n</h
SF:tml>\n");
