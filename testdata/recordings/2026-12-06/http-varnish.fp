# recorded by signet 0.1.0 from 127.0.0.1 port 41085/tcp on 2026-12-06T12:39:54Z
# source: Debian 12 varnish 7.1.1-2+deb12u1 on the loopback testbed (testbed/testbed.sh, id http-varnish), recorded 2026-12-06 with signet --version-record
# expect: http-proxy | Varnish http accelerator
SF-Port41085-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B15579A%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,105,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x2
SF:0Dec\x202026\x2012:39:30\x20GMT\r\nServer:\x20Varnish\r\nX-Varnish:\x20
SF:65538\r\nContent-Type:\x20text/html;\x20charset=utf-8\r\nContent-Length
SF::\x2091\r\nConnection:\x20close\r\n\r\n<html><head><title>signet\x20tes
SF:tbed</title></head><body><h1>signet\x20testbed</h1></body></html>")%r(H
SF:TTPOptions,105,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x20Dec\x2
SF:02026\x2012:39:30\x20GMT\r\nServer:\x20Varnish\r\nX-Varnish:\x2065540\r
SF:\nContent-Type:\x20text/html;\x20charset=utf-8\r\nContent-Length:\x2091
SF:\r\nConnection:\x20close\r\n\r\n<html><head><title>signet\x20testbed</t
SF:itle></head><body><h1>signet\x20testbed</h1></body></html>")%r(RTSPRequ
SF:est,1C,"HTTP/1\.1\x20400\x20Bad\x20Request\r\n\r\n")%r(FourOhFourReques
SF:t,106,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Sun,\x2006\x20Dec\x202026\x20
SF:12:39:30\x20GMT\r\nServer:\x20Varnish\r\nX-Varnish:\x20131074\r\nConten
SF:t-Type:\x20text/html;\x20charset=utf-8\r\nContent-Length:\x2091\r\nConn
SF:ection:\x20close\r\n\r\n<html><head><title>signet\x20testbed</title></h
SF:ead><body><h1>signet\x20testbed</h1></body></html>")%r(HELP4STOMP,1C,"H
SF:TTP/1\.1\x20400\x20Bad\x20Request\r\n\r\n");
