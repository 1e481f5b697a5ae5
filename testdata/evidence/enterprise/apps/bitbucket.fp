# source: hand-made: Bitbucket Data Center redirecting / to its dashboard, with its session cookie BITBUCKETSESSIONID as Rapid7 Recog xml/http_cookies.xml lists it
# expect: http | Atlassian Bitbucket
SF-Port7990-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,1AE,"HTTP/1\.1\x20302\x20\r\nX-AREQUESTID:\x20@1Q2W3E4
SF:x600x12345x0\r\nx-xss-protection:\x201;\x20mode=block\r\nx-frame-option
SF:s:\x20SAMEORIGIN\r\nx-content-type-options:\x20nosniff\r\nSet-Cookie:\x
SF:20BITBUCKETSESSIONID=49D9B4A9C574CFA312E671F3453CEAC5;\x20Max-Age=12096
SF:00;\x20Expires=Mon,\x2021-Dec-2026\x2010:00:00\x20GMT;\x20Path=/;\x20Ht
SF:tpOnly\r\nLocation:\x20http://localhost:7990/dashboard\r\nContent-Langu
SF:age:\x20en-US\r\nContent-Length:\x200\r\nDate:\x20Mon,\x2007\x20Dec\x20
SF:2026\x2010:00:00\x20GMT\r\nConnection:\x20close\r\n\r\n");
