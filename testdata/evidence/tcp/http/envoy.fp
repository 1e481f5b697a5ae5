# source: hand-made from Envoy proxy defaults (server: envoy, no route 404)
# expect: http | Envoy proxy
SF-Port10000-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linu
SF:x-gnu%r(GetRequest,74,"HTTP/1\.1\x20404\x20Not\x20Found\r\ndate:\x20Wed
SF:,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\nserver:\x20envoy\r\nconnec
SF:tion:\x20close\r\ncontent-length:\x200\r\n\r\n");
