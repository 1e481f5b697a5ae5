# source: hand-made from micro_httpd 20140814 (Debian micro-httpd; Server: micro_httpd)
# expect: http | micro_httpd
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,F0,"HTTP/1\.0\x20200\x20Ok\r\nServer:\x20micro_httpd\r\
SF:nDate:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\nContent-Type:
SF:\x20text/html;\x20charset=iso-8859-1\r\nContent-Length:\x2033\r\nLast-M
SF:odified:\x20Wed,\x2025\x20Nov\x202026\x2019:00:00\x20GMT\r\nConnection:
SF:\x20close\r\n\r\n<html><body>signet</body></html>\n");
