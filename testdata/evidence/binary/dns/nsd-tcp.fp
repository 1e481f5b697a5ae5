# source: Debian 12 nsd 4.6.1-1, captured on 127.0.0.1 with signet --version-record
# expect: domain | NLnet Labs NSD | 4.6.1 | 
SF-Port44503-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5C%P=x86_64-pc-linu
SF:x-gnu%r(DNSVersionBindReqTCP,36,"\x004\0\x06\x81\0\0\x01\0\x01\0\0\0\0\
SF:x07version\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\0\0\n\tNSD\x
SF:204\.6\.1");
