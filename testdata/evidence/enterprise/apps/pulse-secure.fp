# source: hand-made: Pulse Connect Secure (Ivanti) sending / to its sign-in page under /dana-na/ and setting DSSignInURL, the cookie Rapid7 Recog xml/http_cookies.xml lists for it
# expect: ssl/http | Pulse Connect Secure
SF-Port443-TCP:V=signet-0.1.0%T=SSL%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-l
SF:inux-gnu%r(GetRequest,B2,"HTTP/1\.1\x20302\x20Redirect\r\nLocation:\x20
SF:https://vpn\.example\.com/dana-na/auth/url_default/welcome\.cgi\r\nSet-
SF:Cookie:\x20DSSignInURL=/;\x20path=/;\x20secure\r\nConnection:\x20close\
SF:r\nContent-Length:\x200\r\n\r\n");
