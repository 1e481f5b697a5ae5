# source: hand-made: Citrix NetScaler Gateway sending / to its login page /vpn/index.html and clearing its NSC_ cookies (cookie names as Rapid7 Recog xml/http_cookies.xml lists them for Citrix NetScaler)
# expect: ssl/http | Citrix NetScaler
SF-Port443-TCP:V=signet-0.1.0%T=SSL%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-l
SF:inux-gnu%r(GetRequest,295,"HTTP/1\.1\x20302\x20Object\x20Moved\r\nLocat
SF:ion:\x20/vpn/index\.html\r\nSet-Cookie:\x20NSC_TEMP=xyz;Path=/;expires=
SF:Tuesday,\x2009-Nov-1999\x2023:12:40\x20GMT\r\nSet-Cookie:\x20NSC_PERS=x
SF:yz;Path=/;expires=Tuesday,\x2009-Nov-1999\x2023:12:40\x20GMT\r\nConnect
SF:ion:\x20close\r\nContent-Length:\x20337\r\nCache-control:\x20no-cache,\
SF:x20no-store\r\nPragma:\x20no-cache\r\nContent-Type:\x20text/html\r\n\r\
SF:n<HTML><HEAD><TITLE>Moved</TITLE></HEAD><BODY><BR><BR><BR><BR><BR><BR><
SF:BR><BR><BR><BR><BR><BR><BR><BR><BR><BR><BR>This\x20document\x20has\x20m
SF:oved\x20to\x20a\x20new\x20<a\x20href=\"/vpn/index\.html\">location</a>\
SF:.\x20\x20Please\x20update\x20your\x20documents\x20and\x20bookmarks\x20a
SF:ccordingly\.<BR><BR><BR><BR><BR><BR><BR><BR><BR><BR><BR><BR><BR><BR><BR
SF:><BR><BR><BR><BR><BR></BODY></HTML>\n");
