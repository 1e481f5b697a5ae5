# source: hand-made: Confluence Server/Data Center sending an anonymous GET / to login.action, with the X-Confluence-Request-Time header (epoch milliseconds) Confluence adds to its replies, as published nmap fingerprints of Confluence 7.x show the reply
# expect: http | Atlassian Confluence
SF-Port8090-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,22F,"HTTP/1\.1\x20302\x20\r\nCache-Control:\x20no-stor
SF:e\r\nExpires:\x20Thu,\x2001\x20Jan\x201970\x2000:00:00\x20GMT\r\nX-Conf
SF:luence-Request-Time:\x201796637600042\r\nSet-Cookie:\x20JSESSIONID=41E1
SF:548E051749CC0298C1A45EEEB3AA;\x20Path=/;\x20HttpOnly\r\nX-XSS-Protectio
SF:n:\x201;\x20mode=block\r\nX-Content-Type-Options:\x20nosniff\r\nX-Frame
SF:-Options:\x20SAMEORIGIN\r\nContent-Security-Policy:\x20frame-ancestors\
SF:x20'self'\r\nLocation:\x20http://localhost:8090/login\.action\?os_desti
SF:nation=%2Findex\.action&permissionViolation=true\r\nContent-Type:\x20te
SF:xt/html;charset=UTF-8\r\nContent-Length:\x200\r\nDate:\x20Mon,\x2007\x2
SF:0Dec\x202026\x2010:00:00\x20GMT\r\nConnection:\x20close\r\n\r\n");
