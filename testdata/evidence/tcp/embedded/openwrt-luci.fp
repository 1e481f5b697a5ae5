# source: hand-made from OpenWrt 23.05 uhttpd index redirect to LuCI
# expect: http | OpenWrt LuCI
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,5C,"HTTP/1\.1\x20302\x20Found\r\nConnection:\x20close\r
SF:\nLocation:\x20/cgi-bin/luci/\r\nContent-Type:\x20text/html\r\n\r\n");
