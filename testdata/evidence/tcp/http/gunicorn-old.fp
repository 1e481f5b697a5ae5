# source: hand-made from gunicorn 19 response headers (Server: gunicorn/19.9.0)
# expect: http | Gunicorn | 19.9.0
SF-Port8000-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,80,"HTTP/1\.1\x20200\x20OK\r\nServer:\x20gunicorn/19\
SF:.9\.0\r\nDate:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\nConne
SF:ction:\x20close\r\nContent-Type:\x20text/html\r\n\r\nok\n");
