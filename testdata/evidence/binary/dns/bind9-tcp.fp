# source: Debian 12 bind9 1:9.18.49-1~deb12u3 (named, recursion off), captured on 127.0.0.1 with signet --version-record
# expect: domain | ISC BIND | 9.18.49 | Debian package 1~deb12u3
SF-Port44501-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5E%P=x86_64-pc-linu
SF:x-gnu%r(DNSVersionBindReqTCP,45,"\0C\0\x06\x85\0\0\x01\0\x01\0\0\0\0\x0
SF:7version\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\0\0\x19\x189\.
SF:18\.49-1~deb12u3-Debian");
