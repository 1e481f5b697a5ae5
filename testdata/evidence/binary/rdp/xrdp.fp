# source: Debian 12 xrdp 0.9.21.1-1+deb12u3, captured on 127.0.0.1 with signet --version-record
# expect: ms-wbt-server | xrdp |  | 
SF-Port44513-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073BA9%P=x86_64-pc-linu
SF:x-gnu%r(TerminalServerCookie,13,"\x03\0\0\x13\x0e\xd0\0\0\x124\0\x02\x0
SF:1\x08\0\x01\0\0\0")%r(oracle-tns,9,"\x03\0\0\t\x02\xf0\x80!\x80");
