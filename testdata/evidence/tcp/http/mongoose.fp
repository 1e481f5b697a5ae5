# source: hand-made from Mongoose 6.18 response headers
# expect: http | Mongoose httpd | 6.18
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,58,"HTTP/1\.1\x20200\x20OK\r\nServer:\x20Mongoose/6\.18
SF:\r\nContent-Type:\x20text/html\r\nContent-Length:\x202\r\n\r\nok");
