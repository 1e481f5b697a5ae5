# source: Debian 12 unbound 1.17.1-2+deb12u4 (local-zone . refuse), captured on 127.0.0.1 with signet --version-record
# expect: domain | Unbound | 1.17.1 | 
SF-Port44502-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5D%P=x86_64-pc-linu
SF:x-gnu%r(DNSVersionBindReqTCP,3B,"\x009\0\x06\x81\x80\0\x01\0\x01\0\0\0\
SF:0\x07version\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\0\0\x0f\x0
SF:eunbound\x201\.17\.1");
