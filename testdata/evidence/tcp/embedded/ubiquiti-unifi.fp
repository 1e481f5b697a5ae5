# source: hand-made from the UniFi Network Application 7 redirect and login page
# expect: http | Ubiquiti UniFi Network
SF-Port8080-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,9D,"HTTP/1\.1\x20302\x20\r\nLocation:\x20/manage\r\nX
SF:-Frame-Options:\x20DENY\r\nContent-Length:\x2022\r\nDate:\x20Wed,\x2025
SF:\x20Nov\x202026\x2019:31:07\x20GMT\r\nConnection:\x20close\r\n\r\n<!--\
SF:x20UniFi\x20Network\x20-->");
