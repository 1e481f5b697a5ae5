# source: hand-made from ASP.NET Core Kestrel defaults (Server: Kestrel)
# expect: http | Microsoft Kestrel httpd
SF-Port5000-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,63,"HTTP/1\.1\x20404\x20Not\x20Found\r\nContent-Lengt
SF:h:\x200\r\nDate:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\nSer
SF:ver:\x20Kestrel\r\n\r\n");
