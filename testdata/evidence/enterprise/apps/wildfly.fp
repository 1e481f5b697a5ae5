# source: hand-made: WildFly 10's welcome content, with the Server and X-Powered-By headers of the response-header filters in its default standalone.xml (server-header "WildFly/10", x-powered-by-header "Undertow/1")
# expect: http | WildFly | 10 | Undertow 1
SF-Port8080-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,15A,"HTTP/1\.1\x20200\x20OK\r\nConnection:\x20close\r\
SF:nLast-Modified:\x20Thu,\x2004\x20Feb\x202016\x2018:55:12\x20GMT\r\nX-Po
SF:wered-By:\x20Undertow/1\r\nServer:\x20WildFly/10\r\nContent-Type:\x20te
SF:xt/html\r\nContent-Length:\x20111\r\nAccept-Ranges:\x20bytes\r\nDate:\x
SF:20Mon,\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\n\r\n<html>\n<head><ti
SF:tle>Welcome\x20to\x20WildFly\x2010</title></head>\n<body>\n<h1>Welcome\
SF:x20to\x20WildFly\x2010</h1>\n</body>\n</html>\n");
