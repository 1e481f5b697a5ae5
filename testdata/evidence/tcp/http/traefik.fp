# source: hand-made from Traefik 2 (Go net/http 404 when no router matches)
# expect: http | Golang net/http server
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,B0,"HTTP/1\.0\x20404\x20Not\x20Found\r\nContent-Type:\x
SF:20text/plain;\x20charset=utf-8\r\nX-Content-Type-Options:\x20nosniff\r\
SF:nDate:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\nContent-Lengt
SF:h:\x2019\r\n\r\n404\x20page\x20not\x20found\n");
