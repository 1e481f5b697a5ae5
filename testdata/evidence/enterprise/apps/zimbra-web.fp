# source: hand-made: the Zimbra web client's sign-in page with its test cookie ZM_TEST and ZM_LOGIN_CSRF (cookie names as Rapid7 Recog xml/http_cookies.xml lists them for Zimbra Collaboration)
# expect: http | Zimbra web client
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,187,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Mon,\x2007\x20De
SF:c\x202026\x2010:00:00\x20GMT\r\nContent-Type:\x20text/html;charset=utf-
SF:8\r\nContent-Language:\x20en-US\r\nSet-Cookie:\x20ZM_TEST=true;Secure\r
SF:\nSet-Cookie:\x20ZM_LOGIN_CSRF=38ef0bea-a4c3-4f41-9ac3-73d7622f3131;Sec
SF:ure;HttpOnly\r\nVary:\x20User-Agent\r\nContent-Length:\x20119\r\n\r\n<h
SF:tml>\n<head><title>Zimbra\x20Web\x20Client\x20Sign\x20In</title></head>
SF:\n<body>\n<h1>Zimbra\x20Web\x20Client\x20Sign\x20In</h1>\n</body>\n</ht
SF:ml>\n");
