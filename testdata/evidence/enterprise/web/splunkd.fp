# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours (Splunk Web sends / to its localized start page)
# expect: http | Splunkd httpd
SF-Port8000-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,106,"HTTP/1\.1\x20303\x20See\x20Other\r\nDate:\x20Mon,
SF:\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nContent-Type:\x20text/html;
SF:\x20charset=UTF-8\r\nX-Content-Type-Options:\x20nosniff\r\nContent-Leng
SF:th:\x200\r\nLocation:\x20/en-US/\r\nVary:\x20Accept-Language\r\nConnect
SF:ion:\x20Close\r\nX-Frame-Options:\x20SAMEORIGIN\r\nServer:\x20Splunkd\r
SF:\n\r\n");
