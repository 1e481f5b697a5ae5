# source: Debian 12 knot 3.2.6-1, captured on 127.0.0.1 with signet --version-record
# expect: domain | Knot DNS | 3.2.6 | 
SF-Port44505-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5E%P=x86_64-pc-linu
SF:x-gnu%r(DNSVersionBindReqTCP,3B,"\x009\0\x06\x81\0\0\x01\0\x01\0\0\0\0\
SF:x07version\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\0\0\x0f\x0eK
SF:not\x20DNS\x203\.2\.6");
