# source: hand-made from Tomcat 7 (Server: Apache-Coyote/1.1)
# expect: http | Apache Tomcat | | Coyote JSP engine 1.1
SF-Port8080-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,9A,"HTTP/1\.1\x20200\x20OK\r\nServer:\x20Apache-Coyot
SF:e/1\.1\r\nContent-Type:\x20text/html;charset=UTF-8\r\nDate:\x20Wed,\x20
SF:25\x20Nov\x202026\x2019:31:07\x20GMT\r\nConnection:\x20close\r\n\r\n<ht
SF:ml></html>");
