# source: hand-made: Webmin's miniserv.pl login page (its Server header is "MiniServ/<version>", its status "200 Document follows")
# expect: http | Webmin MiniServ httpd | 2.105
SF-Port10000-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,1E2,"HTTP/1\.0\x20200\x20Document\x20follows\r\nDate:
SF:\x20Mon,\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nServer:\x20MiniServ
SF:/2\.105\r\nConnection:\x20close\r\nAuth-type:\x20auth-required=1\r\nSet
SF:-Cookie:\x20redirect=1;\x20path=/\r\nSet-Cookie:\x20testing=1;\x20path=
SF:/\r\nX-Frame-Options:\x20SAMEORIGIN\r\nContent-Security-Policy:\x20scri
SF:pt-src\x20'self'\x20'unsafe-inline'\x20'unsafe-eval';\x20frame-src\x20'
SF:self';\x20child-src\x20'self'\r\nContent-type:\x20text/html;\x20Charset
SF:=utf-8\r\n\r\n<html>\n<head><title>Login\x20to\x20Webmin</title></head>
SF:\n<body>\n<h1>Login\x20to\x20Webmin</h1>\n</body>\n</html>\n");
