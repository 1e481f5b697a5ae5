# source: Debian 12 kamailio 5.6.3-2 (sl module, OPTIONS answered 200), captured on 127.0.0.1 with signet --version-record
# expect: sip | Kamailio SIP Server | 5.6.3 | x86_64/linux
SF-Port44523-UDP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5E%P=x86_64-pc-linu
SF:x-gnu%r(SIPOptions,113,"SIP/2\.0\x20200\x20Keepalive\r\nVia:\x20SIP/2\.
SF:0/UDP\x20nm;branch=foo;rport=55431;received=127\.0\.0\.1\r\nFrom:\x20<s
SF:ip:nm@nm>;tag=root\r\nTo:\x20<sip:nm2@nm2>;tag=8b09a6594602d1007a752d69
SF:5b6a34b5\.1e840000\r\nCall-ID:\x2050000\r\nCSeq:\x2042\x20OPTIONS\r\nSe
SF:rver:\x20kamailio\x20\(5\.6\.3\x20\(x86_64/linux\)\)\r\nContent-Length:
SF:\x200\r\n\r\n");
