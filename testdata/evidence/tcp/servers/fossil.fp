# source: Debian 12 fossil 1:2.21-1+deb12u1, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: http | Fossil SCM httpd
SF-Port41095-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B15582D%P=x86_64-pc-linux
SF:-gnu%r(GenericLines,12B,"HTTP/1\.0\x20501\x20Not\x20Implemented\r\nDate
SF::\x20Sun,\x206\x20Dec\x202026\x2012:42:21\x20\+0000\r\nConnection:\x20c
SF:lose\r\nX-UA-Compatible:\x20IE=edge\r\nCache-control:\x20no-cache\r\nX-
SF:Frame-Options:\x20SAMEORIGIN\r\nContent-Type:\x20text/html;\x20charset=
SF:utf-8\r\nContent-Length:\x2070\r\n\r\n<html><body><p>Bad\x20Request:\x2
SF:0unsupported\x20HTTP\x20method</p></body></html>\n")%r(GetRequest,13A,"
SF:HTTP/1\.0\x20302\x20Moved\x20Temporarily\r\nDate:\x20Sun,\x206\x20Dec\x
SF:202026\x2012:42:21\x20\+0000\r\nConnection:\x20close\r\nX-UA-Compatible
SF::\x20IE=edge\r\nCache-control:\x20no-cache\r\nLocation:\x20http://index
SF:\r\nX-Frame-Options:\x20SAMEORIGIN\r\nContent-Type:\x20text/html;\x20ch
SF:arset=utf-8\r\nContent-Length:\x2059\r\n\r\n<html>\n<p>Redirect\x20to\x
SF:20Location:\x20http://index\r\n</p>\n</html>\n")%r(HTTPOptions,12B,"HTT
SF:P/1\.0\x20501\x20Not\x20Implemented\r\nDate:\x20Sun,\x206\x20Dec\x20202
SF:6\x2012:42:21\x20\+0000\r\nConnection:\x20close\r\nX-UA-Compatible:\x20
SF:IE=edge\r\nCache-control:\x20no-cache\r\nX-Frame-Options:\x20SAMEORIGIN
SF:\r\nContent-Type:\x20text/html;\x20charset=utf-8\r\nContent-Length:\x20
SF:70\r\n\r\n<html><body><p>Bad\x20Request:\x20unsupported\x20HTTP\x20meth
SF:od</p></body></html>\n");
