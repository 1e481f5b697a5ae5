# source: hand-made from CouchDB 2.3 replies to an unknown path (Server: CouchDB/2.3.1 (Erlang OTP/19))
# expect: http | CouchDB httpd | 2.3.1 | Erlang OTP 19
SF-Port5984-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,CA,"HTTP/1\.1\x20404\x20Object\x20Not\x20Found\r\nSer
SF:ver:\x20CouchDB/2\.3\.1\x20\(Erlang\x20OTP/19\)\r\nDate:\x20Wed,\x2025\
SF:x20Nov\x202026\x2019:31:07\x20GMT\r\nContent-Type:\x20application/json\
SF:r\nContent-Length:\x2041\r\n\r\n{\"error\":\"not_found\",\"reason\":\"m
SF:issing\"}\n");
