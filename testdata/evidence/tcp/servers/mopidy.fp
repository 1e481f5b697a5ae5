# source: Debian 12 mopidy 3.4.1-1, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: http | Mopidy http server |  | Tornado 6.2
SF-Port41680-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B15582F%P=x86_64-pc-linux
SF:-gnu%r(GenericLines,1C,"HTTP/1\.1\x20400\x20Bad\x20Request\r\n\r\n")%r(
SF:GetRequest,A5,"HTTP/1\.1\x20302\x20Found\r\nServer:\x20TornadoServer/6\
SF:.2\r\nContent-Type:\x20text/html;\x20charset=UTF-8\r\nDate:\x20Sun,\x20
SF:06\x20Dec\x202026\x2012:42:23\x20GMT\r\nLocation:\x20/mopidy/\r\nConten
SF:t-Length:\x200\r\n\r\n");
