# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Sharp printer telnetd | 01.05.00.0o.18 | MX-3610N
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,8F,"SHARP\x20MX-3610N\x20Ver\x2001\.05\.00\.0o\.18\x20TELNET\x
SF:20server\.\nCopyright\(C\)\x202005-\x20\x20\x20\x20\x20SHARP\x20CORPORA
SF:TION\nCopyright\(C\)\x202005-\x20\x20\x20\x20\x20silex\x20technology,\x
SF:20Inc\.\nlogin:\x20");
