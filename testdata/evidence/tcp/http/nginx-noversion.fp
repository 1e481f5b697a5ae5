# source: hand-made from nginx with server_tokens off (Server: nginx)
# expect: http | nginx
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,88,"HTTP/1\.1\x20200\x20OK\r\nServer:\x20nginx\r\nDate:
SF:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\nContent-Type:\x20te
SF:xt/html\r\nContent-Length:\x202\r\nConnection:\x20close\r\n\r\nok");
