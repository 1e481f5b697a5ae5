# source: Debian 12 pdns-server 4.7.3-2 (bind backend, no zones), captured on 127.0.0.1 with signet --version-record
# expect: domain | PowerDNS Authoritative Server | 4.7.3 | 
SF-Port44506-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073BA1%P=x86_64-pc-linu
SF:x-gnu%r(DNSVersionBindReqTCP,50,"\0N\0\x06\x85\0\0\x01\0\x01\0\0\0\0\x0
SF:7version\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\x05\0\$#PowerD
SF:NS\x20Authoritative\x20Server\x204\.7\.3");
