# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours (the 404 body is APISIX's answer when no route matches)
# expect: http | Apache APISIX | 3.13.0
SF-Port9080-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,B6,"HTTP/1\.1\x20404\x20Not\x20Found\r\nDate:\x20Mon,\
SF:x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nContent-Type:\x20text/plain;
SF:\x20charset=utf-8\r\nConnection:\x20close\r\nServer:\x20APISIX/3\.13\.0
SF:\r\n\r\n{\"error_msg\":\"404\x20Route\x20Not\x20Found\"}\n");
