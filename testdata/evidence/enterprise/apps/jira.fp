# source: hand-made: Jira Server/Data Center sending / to its dashboard; X-AREQUESTID, X-ASESSIONID and X-AUSERNAME are the headers Jira adds to its replies (they appear on every Jira REST reply), X-AUSERNAME anonymous for a visitor
# expect: http | Atlassian Jira
SF-Port8080-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,24F,"HTTP/1\.1\x20302\x20\r\nX-AREQUESTID:\x20600x1843
SF:x1\r\nX-ASESSIONID:\x201nfxnyn\r\nReferrer-Policy:\x20strict-origin-whe
SF:n-cross-origin\r\nX-XSS-Protection:\x201;\x20mode=block\r\nX-Content-Ty
SF:pe-Options:\x20nosniff\r\nX-Frame-Options:\x20SAMEORIGIN\r\nContent-Sec
SF:urity-Policy:\x20sandbox\r\nStrict-Transport-Security:\x20max-age=31536
SF:000\r\nSet-Cookie:\x20atlassian\.xsrf\.token=B3Q7-2C9K-8TGA-5XN2_0d9c2f
SF:7e6b5a4c3d2e1f0a9b8c7d6e5f4a3b2c1d_lout;\x20Path=/\r\nX-AUSERNAME:\x20a
SF:nonymous\r\nLocation:\x20http://localhost:8080/secure/Dashboard\.jspa\r
SF:\nContent-Type:\x20text/html;charset=UTF-8\r\nContent-Length:\x200\r\nD
SF:ate:\x20Mon,\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nConnection:\x20
SF:close\r\n\r\n");
