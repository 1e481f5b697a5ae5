# source: hand-made from the CouchDB 3 API reference (GET / welcome document)
# expect: http | CouchDB httpd | 3.3.3
SF-Port5984-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,168,"HTTP/1\.1\x20200\x20OK\r\nCache-Control:\x20must
SF:-revalidate\r\nContent-Length:\x20219\r\nContent-Type:\x20application/j
SF:son\r\nDate:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\n\r\n{\"
SF:couchdb\":\"Welcome\",\"version\":\"3\.3\.3\",\"git_sha\":\"40afbcfc7\"
SF:,\"uuid\":\"a1b2\",\"features\":\[\"access-ready\",\"partitioned\",\"pl
SF:uggable-storage-engines\",\"reshard\",\"scheduler\"\],\"vendor\":{\"nam
SF:e\":\"The\x20Apache\x20Software\x20Foundation\"}}\n");
