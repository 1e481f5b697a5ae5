# source: hand-made from Boa 0.94.14rc21 response headers (embedded devices)
# expect: http | Boa httpd | 0.94.14rc21
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,A0,"HTTP/1\.0\x20200\x20OK\r\nDate:\x20Wed,\x2025\x20No
SF:v\x202026\x2019:31:07\x20GMT\r\nServer:\x20Boa/0\.94\.14rc21\r\nAccept-
SF:Ranges:\x20bytes\r\nConnection:\x20close\r\nContent-type:\x20text/html\
SF:r\n\r\n<html></html>");
