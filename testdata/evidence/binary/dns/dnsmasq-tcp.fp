# source: Debian 12 dnsmasq-base 2.90-4~deb12u2 (no upstream servers), captured on 127.0.0.1 with signet --version-record
# expect: domain | dnsmasq | 2.90 | 
SF-Port44504-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5D%P=x86_64-pc-linu
SF:x-gnu%r(DNSVersionBindReqTCP,39,"\x007\0\x06\x85\x80\0\x01\0\x01\0\0\0\
SF:0\x07version\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\0\0\r\x0cd
SF:nsmasq-2\.90");
