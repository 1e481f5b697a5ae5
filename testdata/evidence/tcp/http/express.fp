# source: hand-made from Express 4 defaults (X-Powered-By: Express, finalhandler 404)
# expect: http | Node.js Express framework
SF-Port3000-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,17F,"HTTP/1\.1\x20404\x20Not\x20Found\r\nX-Powered-By
SF::\x20Express\r\nContent-Security-Policy:\x20default-src\x20'none'\r\nX-
SF:Content-Type-Options:\x20nosniff\r\nContent-Type:\x20text/html;\x20char
SF:set=utf-8\r\nContent-Length:\x20139\r\nDate:\x20Wed,\x2025\x20Nov\x2020
SF:26\x2019:31:07\x20GMT\r\nConnection:\x20close\r\n\r\n<!DOCTYPE\x20html>
SF:\n<html\x20lang=\"en\">\n<head>\n<meta\x20charset=\"utf-8\">\n<title>Er
SF:ror</title>\n</head>\n<body>\n<pre>Cannot\x20GET\x20/</pre>\n</body>\n<
SF:/html>\n");
