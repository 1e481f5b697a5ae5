# source: nodejs 20.20.2 http module, captured on loopback
# expect: http | Node.js
SF-Port44023-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B71%P=x86_64-pc-linu
SF:x-gnu%r(GetRequest,6C,"HTTP/1\.1\x20200\x20OK\r\nContent-Type:\x20text/
SF:plain\r\nDate:\x20Wed,\x2025\x20Nov\x202026\x2019:48:00\x20GMT\r\nConne
SF:ction:\x20close\r\n\r\nsignet\n")%r(HTTPOptions,6C,"HTTP/1\.1\x20200\x2
SF:0OK\r\nContent-Type:\x20text/plain\r\nDate:\x20Wed,\x2025\x20Nov\x20202
SF:6\x2019:48:00\x20GMT\r\nConnection:\x20close\r\n\r\nsignet\n")%r(RTSPRe
SF:quest,6C,"HTTP/1\.1\x20200\x20OK\r\nContent-Type:\x20text/plain\r\nDate
SF::\x20Wed,\x2025\x20Nov\x202026\x2019:48:00\x20GMT\r\nConnection:\x20clo
SF:se\r\n\r\nsignet\n")%r(Hello,2F,"HTTP/1\.1\x20400\x20Bad\x20Request\r\n
SF:Connection:\x20close\r\n\r\n")%r(Help,2F,"HTTP/1\.1\x20400\x20Bad\x20Re
SF:quest\r\nConnection:\x20close\r\n\r\n")%r(FourOhFourRequest,6C,"HTTP/1\
SF:.1\x20200\x20OK\r\nContent-Type:\x20text/plain\r\nDate:\x20Wed,\x2025\x
SF:20Nov\x202026\x2019:48:00\x20GMT\r\nConnection:\x20close\r\n\r\nsignet\
SF:n")%r(redis-server,2F,"HTTP/1\.1\x20400\x20Bad\x20Request\r\nConnection
SF::\x20close\r\n\r\n")%r(Memcache,2F,"HTTP/1\.1\x20400\x20Bad\x20Request\
SF:r\nConnection:\x20close\r\n\r\n")%r(IRCRegister,2F,"HTTP/1\.1\x20400\x2
SF:0Bad\x20Request\r\nConnection:\x20close\r\n\r\n")%r(XMPPStream,2F,"HTTP
SF:/1\.1\x20400\x20Bad\x20Request\r\nConnection:\x20close\r\n\r\n")%r(HELP
SF:4STOMP,2F,"HTTP/1\.1\x20400\x20Bad\x20Request\r\nConnection:\x20close\r
SF:\n\r\n")%r(GitUploadPack,2F,"HTTP/1\.1\x20400\x20Bad\x20Request\r\nConn
SF:ection:\x20close\r\n\r\n")%r(VersionCommand,2F,"HTTP/1\.1\x20400\x20Bad
SF:\x20Request\r\nConnection:\x20close\r\n\r\n");
