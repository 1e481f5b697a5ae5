# source: Debian 12 c-icap 1:0.5.10-4, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: icap | C-ICAP | 0.5.10
SF-Port41344-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B15582E%P=x86_64-pc-linux
SF:-gnu%r(GenericLines,46,"ICAP/1\.0\x20400\x20Bad\x20request\r\nServer:\x
SF:20C-ICAP/0\.5\.10\r\nConnection:\x20close\r\n\r\n");
