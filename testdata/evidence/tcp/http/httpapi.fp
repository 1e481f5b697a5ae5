# source: hand-made from the HTTP.sys (Microsoft-HTTPAPI/2.0) 404 reply
# expect: http | Microsoft HTTPAPI httpd | 2.0 | SSDP/UPnP
SF-Port5985-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,115,"HTTP/1\.1\x20404\x20Not\x20Found\r\nContent-Type
SF::\x20text/html;\x20charset=us-ascii\r\nServer:\x20Microsoft-HTTPAPI/2\.
SF:0\r\nDate:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\nConnectio
SF:n:\x20close\r\nContent-Length:\x20100\r\n\r\n<!DOCTYPE\x20HTML\x20PUBLI
SF:C\x20\"-//W3C//DTD\x20HTML\x204\.01//EN\"><HTML><HEAD><TITLE>Not\x20Fou
SF:nd</TITLE></HEAD></HTML>");
