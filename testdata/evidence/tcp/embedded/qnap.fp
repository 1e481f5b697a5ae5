# source: hand-made from the QNAP QTS 4 login page (Server: http server 1.0)
# expect: http | QNAP NAS http config
SF-Port8080-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,8F,"HTTP/1\.1\x20200\x20OK\r\nServer:\x20http\x20serv
SF:er\x201\.0\r\nContent-Type:\x20text/html\r\nConnection:\x20close\r\n\r\
SF:n<html><head><title>QNAP\x20Turbo\x20NAS</title></head></html>");
