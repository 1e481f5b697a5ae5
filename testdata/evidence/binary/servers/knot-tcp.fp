# source: Debian 12 knot 3.2.6-1, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: domain | Knot DNS | 3.2.6
SF-Port41057-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B155831%P=x86_64-pc-linux
SF:-gnu%r(DNSVersionBindReqTCP,3B,"\x009\0\x06\x81\0\0\x01\0\x01\0\0\0\0\x
SF:07version\x04bind\0\0\x10\0\x03\xc0\x0c\0\x10\0\x03\0\0\0\0\0\x0f\x0eKn
SF:ot\x20DNS\x203\.2\.6");
