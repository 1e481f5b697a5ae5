# source: hand-made: MinIO refusing an anonymous ListBuckets (GET /) with the S3 AccessDenied error document (Amazon S3 API reference, Error responses) and MinIO's own Server: MinIO header
# expect: http | MinIO
SF-Port9000-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,2AF,"HTTP/1\.1\x20403\x20Forbidden\r\nAccept-Ranges:\x
SF:20bytes\r\nContent-Length:\x20254\r\nContent-Type:\x20application/xml\r
SF:\nServer:\x20MinIO\r\nStrict-Transport-Security:\x20max-age=31536000;\x
SF:20includeSubDomains\r\nVary:\x20Origin\r\nVary:\x20Accept-Encoding\r\nX
SF:-Amz-Id-2:\x20dd9025bab4ad464b049177c95eb6ebf374d3b3fd1af9251148b658df7
SF:ac2e3e8\r\nX-Amz-Request-Id:\x20187E6A1C5F3B2D40\r\nX-Content-Type-Opti
SF:ons:\x20nosniff\r\nX-Xss-Protection:\x201;\x20mode=block\r\nDate:\x20Mo
SF:n,\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\n\r\n<\?xml\x20version=\"1
SF:\.0\"\x20encoding=\"UTF-8\"\?>\n<Error><Code>AccessDenied</Code><Messag
SF:e>Access\x20Denied\.</Message><Resource>/</Resource><RequestId>187E6A1C
SF:5F3B2D40</RequestId><HostId>dd9025bab4ad464b049177c95eb6ebf374d3b3fd1af
SF:9251148b658df7ac2e3e8</HostId></Error>");
