# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours (the admin console sends / to /ui/index.html)
# expect: http | Couchbase Server httpd
SF-Port8091-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,C0,"HTTP/1\.1\x20301\x20Moved\x20Permanently\r\nLocati
SF:on:\x20/ui/index\.html\r\nServer:\x20Couchbase\x20Server\r\nDate:\x20Mo
SF:n,\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nContent-Length:\x200\r\nC
SF:ache-Control:\x20no-cache,no-store,must-revalidate\r\n\r\n");
