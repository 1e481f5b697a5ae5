# source: hand-made from Apache httpd 2.4.58 on RHEL-like systems (Server: Apache/2.4.58 (Red Hat Enterprise Linux))
# expect: http | Apache httpd | 2.4.58
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,132,"HTTP/1\.1\x20403\x20Forbidden\r\nDate:\x20Wed,\x20
SF:25\x20Nov\x202026\x2019:31:07\x20GMT\r\nServer:\x20Apache/2\.4\.58\x20\
SF:(Red\x20Hat\x20Enterprise\x20Linux\)\r\nContent-Length:\x20108\r\nConne
SF:ction:\x20close\r\nContent-Type:\x20text/html;\x20charset=iso-8859-1\r\
SF:n\r\n<!DOCTYPE\x20HTML\x20PUBLIC\x20\"-//IETF//DTD\x20HTML\x202\.0//EN\
SF:">\n<html><head>\n<title>403\x20Forbidden</title>\n</head></html>\n");
