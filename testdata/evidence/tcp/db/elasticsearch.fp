# source: hand-made from the Elasticsearch 8.11 REST API reference (GET / root document)
# expect: http | Elasticsearch REST API | 8.11.1
SF-Port9200-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,180,"HTTP/1\.1\x20200\x20OK\r\nX-elastic-product:\x20
SF:Elasticsearch\r\ncontent-type:\x20application/json\r\nContent-Length:\x
SF:20278\r\n\r\n{\n\x20\x20\"name\"\x20:\x20\"node-1\",\n\x20\x20\"cluster
SF:_name\"\x20:\x20\"elasticsearch\",\n\x20\x20\"cluster_uuid\"\x20:\x20\"
SF:Wq3xXcRfQY6aJc7hY1Q3xQ\",\n\x20\x20\"version\"\x20:\x20{\n\x20\x20\x20\
SF:x20\"number\"\x20:\x20\"8\.11\.1\",\n\x20\x20\x20\x20\"build_flavor\"\x
SF:20:\x20\"default\",\n\x20\x20\x20\x20\"build_type\"\x20:\x20\"deb\",\n\
SF:x20\x20\x20\x20\"lucene_version\"\x20:\x20\"9\.8\.0\"\n\x20\x20},\n\x20
SF:\x20\"tagline\"\x20:\x20\"You\x20Know,\x20for\x20Search\"\n}\n");
