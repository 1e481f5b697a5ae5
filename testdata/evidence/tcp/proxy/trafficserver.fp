# source: hand-made from Apache Traffic Server 9.2 error page headers (Server: ATS/9.2.3)
# expect: http-proxy | Apache Traffic Server | 9.2.3
SF-Port8080-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,C3,"HTTP/1\.1\x20400\x20Invalid\x20HTTP\x20Request\r\
SF:nDate:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\nConnection:\x
SF:20close\r\nServer:\x20ATS/9\.2\.3\r\nCache-Control:\x20no-store\r\nCont
SF:ent-Type:\x20text/html\r\nContent-Length:\x2013\r\n\r\n<HTML></HTML>");
