# source: hand-made from Epson printer Web Config headers
# expect: http | Epson printer http admin | | Epson UPnP SDK 1.0
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,7D,"HTTP/1\.1\x20200\x20OK\r\nServer:\x20EPSON_Linux\x2
SF:0UPnP/1\.0\x20Epson\x20UPnP\x20SDK/1\.0\r\nContent-Type:\x20text/html\r
SF:\nConnection:\x20close\r\n\r\n<html></html>");
