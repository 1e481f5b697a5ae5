# source: hand-made: Gogs home page with its session cookie (Gogs app.ini [session] COOKIE_NAME default i_like_gogs)
# expect: http | Gogs
SF-Port3000-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,1CC,"HTTP/1\.1\x20200\x20OK\r\nContent-Type:\x20text/h
SF:tml;\x20charset=UTF-8\r\nSet-Cookie:\x20lang=en-US;\x20Path=/;\x20Max-A
SF:ge=2147483647\r\nSet-Cookie:\x20i_like_gogs=6f0d3a1b2c4e5d7f;\x20Path=/
SF:;\x20HttpOnly\r\nSet-Cookie:\x20_csrf=dGhpc2lzYWNzcmZ0b2tlbg;\x20Path=/
SF:;\x20Expires=Tue,\x2008\x20Dec\x202026\x2010:00:00\x20GMT;\x20HttpOnly\
SF:r\nX-Content-Type-Options:\x20nosniff\r\nX-Frame-Options:\x20DENY\r\nDa
SF:te:\x20Mon,\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nContent-Length:\
SF:x2077\r\n\r\n<html>\n<head><title>Gogs</title></head>\n<body>\n<h1>Gogs
SF:</h1>\n</body>\n</html>\n");
