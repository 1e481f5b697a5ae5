# source: hand-made: Jenkins 2.426 answering an anonymous GET / on a secured controller: 403 with the headers Jenkins core's advertiseHeaders sets (X-Hudson: 1.395, X-Jenkins: <version>, X-Jenkins-Session) and its redirect-to-login page
# expect: http | Jenkins | 2.426.1
SF-Port8080-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,25D,"HTTP/1\.1\x20403\x20Forbidden\r\nDate:\x20Mon,\x2
SF:007\x20Dec\x202026\x2010:00:00\x20GMT\r\nX-Content-Type-Options:\x20nos
SF:niff\r\nSet-Cookie:\x20JSESSIONID\.6f4d2b1a=node01x8k2m3n4p5q6r7s8t9u0v
SF:1w2\.node0;\x20Path=/;\x20HttpOnly\r\nExpires:\x20Thu,\x2001\x20Jan\x20
SF:1970\x2000:00:00\x20GMT\r\nContent-Type:\x20text/html;charset=utf-8\r\n
SF:X-Hudson:\x201\.395\r\nX-Jenkins:\x202\.426\.1\r\nX-Jenkins-Session:\x2
SF:05a6b7c8d\r\nContent-Length:\x20231\r\nServer:\x20Jetty\(10\.0\.18\)\r\
SF:n\r\n<html><head><meta\x20http-equiv='refresh'\x20content='1;url=/login
SF:\?from=%2F'/><script>window\.location\.replace\('/login\?from=%2F'\);</
SF:script></head><body\x20style='background-color:white;\x20color:white;'>
SF:\n\nAuthentication\x20required\n</body></html>\n");
