# source: hand-made from the OpenSearch 2.11 REST API reference (GET / root document)
# expect: http | OpenSearch REST API | 2.11.0
SF-Port9200-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,168,"HTTP/1\.1\x20200\x20OK\r\ncontent-type:\x20appli
SF:cation/json;\x20charset=UTF-8\r\nContent-Length:\x20273\r\n\r\n{\n\x20\
SF:x20\"name\"\x20:\x20\"node-1\",\n\x20\x20\"cluster_name\"\x20:\x20\"ope
SF:nsearch\",\n\x20\x20\"cluster_uuid\"\x20:\x20\"Wq3xXcRfQY6aJc7hY1Q3xQ\"
SF:,\n\x20\x20\"version\"\x20:\x20{\n\x20\x20\x20\x20\"distribution\"\x20:
SF:\x20\"opensearch\",\n\x20\x20\x20\x20\"number\"\x20:\x20\"2\.11\.0\",\n
SF:\x20\x20\x20\x20\"build_type\"\x20:\x20\"tar\"\n\x20\x20},\n\x20\x20\"t
SF:agline\"\x20:\x20\"The\x20OpenSearch\x20Project:\x20https://opensearch\
SF:.org/\"\n}\n");
