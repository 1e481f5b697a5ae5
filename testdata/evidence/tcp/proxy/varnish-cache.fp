# recorded by signet 0.1.0 from 127.0.0.1 port 41085/tcp on 2026-11-25T20:37:45Z
# source: Debian 12 varnish 7.1.1-2+deb12u1 on the loopback testbed (testbed/testbed.sh), cache hit without Via
# expect: http-proxy | Varnish http accelerator | |
SF-Port41085-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B074719%P=x86_64-pc-linu
SF:x-gnu%r(GetRequest,105,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Wed,\x2025\x
SF:20Nov\x202026\x2020:37:44\x20GMT\r\nServer:\x20Varnish\r\nX-Varnish:\x2
SF:032770\r\nContent-Type:\x20text/html;\x20charset=utf-8\r\nContent-Lengt
SF:h:\x2091\r\nConnection:\x20close\r\n\r\n<html><head><title>signet\x20te
SF:stbed</title></head><body><h1>signet\x20testbed</h1></body></html>");
