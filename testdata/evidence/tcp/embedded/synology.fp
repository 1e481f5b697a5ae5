# source: hand-made from the Synology DSM 7 login page
# expect: http | Synology DiskStation Manager
SF-Port5000-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,E3,"HTTP/1\.1\x20200\x20OK\r\nServer:\x20nginx\r\nDat
SF:e:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\nContent-Type:\x20
SF:text/html;\x20charset=\"UTF-8\"\r\nConnection:\x20close\r\n\r\n<!DOCTYP
SF:E\x20html>\n<html\x20class=\"img-no\">\n<head>\n<title>Synology\x20Disk
SF:Station</title>\n</head></html>");
