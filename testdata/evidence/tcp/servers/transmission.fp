# source: Debian 12 transmission-daemon 3.00-2.1+deb12u1, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: http | Transmission BitTorrent management httpd
SF-Port41191-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B15582E%P=x86_64-pc-linux
SF:-gnu%r(GenericLines,DF,"HTTP/1\.1\x20400\x20Bad\x20Request\r\nContent-T
SF:ype:\x20text/html\r\nConnection:\x20close\r\nDate:\x20Sun,\x2006\x20Dec
SF:\x202026\x2012:42:22\x20GMT\r\nContent-Length:\x2094\r\n\r\n<HTML><HEAD
SF:>\n<TITLE>400\x20Bad\x20Request</TITLE>\n</HEAD><BODY>\n<H1>Bad\x20Requ
SF:est</H1>\n</BODY></HTML>\n")%r(GetRequest,A2,"HTTP/1\.0\x20301\x20Moved
SF:\x20Permanently\r\nServer:\x20Transmission\r\nLocation:\x20/transmissio
SF:n/web/\r\nContent-Type:\x20text/html;\x20charset=ISO-8859-1\r\n\r\n<h1>
SF:301:\x20Moved\x20Permanently</h1>");
