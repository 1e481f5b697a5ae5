# source: hand-made from Hikvision IP camera firmware 5.x (Server: App-webs/)
# expect: http | Hikvision IP camera httpd
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,87,"HTTP/1\.1\x20302\x20Found\r\nLocation:\x20/doc/page
SF:/login\.asp\r\nContent-Type:\x20text/html\r\nServer:\x20App-webs/\r\nCo
SF:nnection:\x20close\r\nContent-Length:\x200\r\n\r\n");
