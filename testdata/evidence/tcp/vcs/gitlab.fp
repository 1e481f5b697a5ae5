# source: hand-made from GitLab 16 (302 to /users/sign_in with X-Gitlab-Meta)
# expect: http | GitLab
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,18A,"HTTP/1\.1\x20302\x20Found\r\nServer:\x20nginx\r\nD
SF:ate:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\nContent-Type:\x
SF:20text/html;\x20charset=utf-8\r\nLocation:\x20http://gitlab\.example\.c
SF:om/users/sign_in\r\nCache-Control:\x20no-cache\r\nX-Gitlab-Meta:\x20{\"
SF:correlation_id\":\"01HABC\",\"version\":\"1\"}\r\nX-Request-Id:\x2001HA
SF:BC\r\nConnection:\x20close\r\n\r\n<html><body>You\x20are\x20being\x20<a
SF:\x20href=\"http://gitlab\.example\.com/users/sign_in\">redirected</a>\.
SF:</body></html>");
