# source: Debian 12 python3-waitress 2.1.2-2+deb12u1, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: http | waitress | 
SF-Port41094-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B15582E%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,B4,"HTTP/1\.0\x20200\x20OK\r\nConnection:\x20close\r\
SF:nContent-Length:\x2042\r\nContent-Type:\x20text/html\r\nDate:\x20Sun,\x
SF:2006\x20Dec\x202026\x2012:42:21\x20GMT\r\nServer:\x20waitress\r\n\r\n<h
SF:tml><title>signet\x20testbed</title></html>");
