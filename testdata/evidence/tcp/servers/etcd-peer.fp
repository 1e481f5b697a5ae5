# source: Debian 12 etcd-server 3.4.23-4+b4, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: http | Golang net/http server
SF-Port41238-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B15582E%P=x86_64-pc-linux
SF:-gnu%r(GenericLines,67,"HTTP/1\.1\x20400\x20Bad\x20Request\r\nContent-T
SF:ype:\x20text/plain;\x20charset=utf-8\r\nConnection:\x20close\r\n\r\n400
SF:\x20Bad\x20Request")%r(GetRequest,B0,"HTTP/1\.0\x20404\x20Not\x20Found\
SF:r\nContent-Type:\x20text/plain;\x20charset=utf-8\r\nX-Content-Type-Opti
SF:ons:\x20nosniff\r\nDate:\x20Sun,\x2006\x20Dec\x202026\x2012:42:22\x20GM
SF:T\r\nContent-Length:\x2019\r\n\r\n404\x20page\x20not\x20found\n");
