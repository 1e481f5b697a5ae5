# source: hand-made from gunicorn 21 response headers (Server: gunicorn)
# expect: http | Gunicorn
SF-Port8000-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,7E,"HTTP/1\.1\x20200\x20OK\r\nServer:\x20gunicorn\r\n
SF:Date:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\nConnection:\x2
SF:0close\r\nContent-Type:\x20text/plain\r\n\r\nsignet\n");
