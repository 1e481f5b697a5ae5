# source: hand-made from Ubuntu 22.04 apache2 2.4.52 ServerTokens OS default
# expect: http | Apache httpd | 2.4.52 | (Ubuntu)
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,A6,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Wed,\x2025\x20No
SF:v\x202026\x2019:31:07\x20GMT\r\nServer:\x20Apache/2\.4\.52\x20\(Ubuntu\
SF:)\r\nContent-Length:\x2014\r\nConnection:\x20close\r\nContent-Type:\x20
SF:text/html\r\n\r\n<html>\n</html>");
