# source: hand-made from Microsoft IIS 10.0 default document response headers
# expect: http | Microsoft IIS httpd | 10.0
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,168,"HTTP/1\.1\x20200\x20OK\r\nContent-Type:\x20text/ht
SF:ml\r\nLast-Modified:\x20Mon,\x2002\x20Oct\x202023\x2010:00:00\x20GMT\r\
SF:nAccept-Ranges:\x20bytes\r\nETag:\x20\"a1b2c3d4e5f6d91:0\"\r\nServer:\x
SF:20Microsoft-IIS/10\.0\r\nDate:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07
SF:\x20GMT\r\nConnection:\x20close\r\nContent-Length:\x20116\r\n\r\n<!DOCT
SF:YPE\x20html\x20PUBLIC\x20\"-//W3C//DTD\x20XHTML\x201\.0\x20Strict//EN\"
SF:><html><head><title>IIS\x20Windows\x20Server</title></head></html>");
