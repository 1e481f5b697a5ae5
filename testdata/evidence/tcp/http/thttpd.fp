# source: hand-made from thttpd 2.29 response headers (Server: thttpd/2.29 23May2018)
# expect: http | thttpd | 2.29 | 23May2018
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,10B,"HTTP/1\.0\x20200\x20OK\r\nServer:\x20thttpd/2\.29\
SF:x2023May2018\r\nContent-Type:\x20text/html;\x20charset=UTF-8\r\nDate:\x
SF:20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\nLast-Modified:\x20Wed
SF:,\x2025\x20Nov\x202026\x2019:00:00\x20GMT\r\nAccept-Ranges:\x20bytes\r\
SF:nConnection:\x20close\r\nContent-Length:\x2033\r\n\r\n<html><body>signe
SF:t</body></html>\n");
