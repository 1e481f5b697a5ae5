# recorded by signet 0.1.0 from 127.0.0.1 port 41118/tcp on 2026-12-06T12:39:54Z
# source: Debian 12 privoxy 3.0.34-1 on the loopback testbed (testbed/testbed.sh, id proxy-privoxy), recorded 2026-12-06 with signet --version-record
# expect: http-proxy | Privoxy http proxy
SF-Port41118-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B15579A%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,86,"HTTP/1\.1\x20400\x20Invalid\x20header\x20received
SF:\x20from\x20client\r\nContent-Type:\x20text/plain\r\nConnection:\x20clo
SF:se\r\n\r\nInvalid\x20header\x20received\x20from\x20client\.\n")%r(HTTPO
SF:ptions,86,"HTTP/1\.1\x20400\x20Invalid\x20header\x20received\x20from\x2
SF:0client\r\nContent-Type:\x20text/plain\r\nConnection:\x20close\r\n\r\nI
SF:nvalid\x20header\x20received\x20from\x20client\.\n")%r(RTSPRequest,86,"
SF:HTTP/1\.1\x20400\x20Invalid\x20header\x20received\x20from\x20client\r\n
SF:Content-Type:\x20text/plain\r\nConnection:\x20close\r\n\r\nInvalid\x20h
SF:eader\x20received\x20from\x20client\.\n")%r(Hello,86,"HTTP/1\.1\x20400\
SF:x20Invalid\x20header\x20received\x20from\x20client\r\nContent-Type:\x20
SF:text/plain\r\nConnection:\x20close\r\n\r\nInvalid\x20header\x20received
SF:\x20from\x20client\.\n")%r(Help,86,"HTTP/1\.1\x20400\x20Invalid\x20head
SF:er\x20received\x20from\x20client\r\nContent-Type:\x20text/plain\r\nConn
SF:ection:\x20close\r\n\r\nInvalid\x20header\x20received\x20from\x20client
SF:\.\n")%r(FourOhFourRequest,86,"HTTP/1\.1\x20400\x20Invalid\x20header\x2
SF:0received\x20from\x20client\r\nContent-Type:\x20text/plain\r\nConnectio
SF:n:\x20close\r\n\r\nInvalid\x20header\x20received\x20from\x20client\.\n"
SF:)%r(redis-server,86,"HTTP/1\.1\x20400\x20Invalid\x20header\x20received\
SF:x20from\x20client\r\nContent-Type:\x20text/plain\r\nConnection:\x20clos
SF:e\r\n\r\nInvalid\x20header\x20received\x20from\x20client\.\n")%r(Memcac
SF:he,86,"HTTP/1\.1\x20400\x20Invalid\x20header\x20received\x20from\x20cli
SF:ent\r\nContent-Type:\x20text/plain\r\nConnection:\x20close\r\n\r\nInval
SF:id\x20header\x20received\x20from\x20client\.\n")%r(IRCRegister,86,"HTTP
SF:/1\.1\x20400\x20Invalid\x20header\x20received\x20from\x20client\r\nCont
SF:ent-Type:\x20text/plain\r\nConnection:\x20close\r\n\r\nInvalid\x20heade
SF:r\x20received\x20from\x20client\.\n")%r(HELP4STOMP,86,"HTTP/1\.1\x20400
SF:\x20Invalid\x20header\x20received\x20from\x20client\r\nContent-Type:\x2
SF:0text/plain\r\nConnection:\x20close\r\n\r\nInvalid\x20header\x20receive
SF:d\x20from\x20client\.\n")%r(VersionCommand,86,"HTTP/1\.1\x20400\x20Inva
SF:lid\x20header\x20received\x20from\x20client\r\nContent-Type:\x20text/pl
SF:ain\r\nConnection:\x20close\r\n\r\nInvalid\x20header\x20received\x20fro
SF:m\x20client\.\n");
