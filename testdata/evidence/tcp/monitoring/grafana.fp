# source: hand-made from Grafana 10 (302 to /login)
# expect: http | Grafana
SF-Port3000-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,F7,"HTTP/1\.0\x20302\x20Found\r\nCache-Control:\x20no
SF:-store\r\nContent-Type:\x20text/html;\x20charset=utf-8\r\nLocation:\x20
SF:/login\r\nX-Content-Type-Options:\x20nosniff\r\nX-Frame-Options:\x20den
SF:y\r\nDate:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\nContent-L
SF:ength:\x2029\r\n\r\n<a\x20href=\"/login\">Found</a>\.\n\n");
