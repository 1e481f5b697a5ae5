# source: hand-made from Icinga Web 2.11 (redirect to the login form)
# expect: http | Icinga Web 2
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,9C,"HTTP/1\.1\x20302\x20Found\r\nDate:\x20Wed,\x2025\x2
SF:0Nov\x202026\x2019:31:07\x20GMT\r\nLocation:\x20/icingaweb2/authenticat
SF:ion/login\?_checkCookie=1\r\nContent-Length:\x200\r\nConnection:\x20clo
SF:se\r\n\r\n");
