# source: Debian 12 cvs 2:1.12.13+real-28+deb12u1, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: cvspserver | CVS pserver
SF-Port41401-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B15582E%P=x86_64-pc-linux
SF:-gnu%r(GenericLines,32,"cvs\x20\[pserver\x20aborted\]:\x20bad\x20auth\x
SF:20protocol\x20start:\x20\r\n");
