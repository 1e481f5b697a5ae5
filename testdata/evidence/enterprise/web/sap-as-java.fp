# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours
# expect: http | SAP NetWeaver Application Server Java | 7.30 | kernel 7.22
SF-Port50000-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,109,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Mon,\x2007\x2
SF:0Dec\x202026\x2010:00:00\x20GMT\r\nServer:\x20SAP\x20NetWeaver\x20Appli
SF:cation\x20Server\x207\.22\x20/\x20AS\x20Java\x207\.30\r\nContent-Type:\
SF:x20text/html\r\nContent-Length:\x2083\r\nConnection:\x20close\r\n\r\n<h
SF:tml>\n<head><title>Welcome</title></head>\n<body>\n<h1>Welcome</h1>\n</
SF:body>\n</html>\n");
