# source: hand-made from Brother printer embedded web server (Server: debut/1.30)
# expect: http | Brother printer http admin | | debut 1.30
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,8E,"HTTP/1\.1\x20301\x20Moved\x20Permanently\r\nServer:
SF:\x20debut/1\.30\r\nDate:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GM
SF:T\r\nLocation:\x20/general/status\.html\r\nConnection:\x20close\r\n\r\n
SF:");
