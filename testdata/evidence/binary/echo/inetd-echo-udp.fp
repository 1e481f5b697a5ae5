# source: Debian 12 openbsd-inetd 0.20221205-2~deb12u1 internal echo service over UDP (RFC 862), captured in a network namespace (it ignores loopback sources); nmap 7.93 -sV names it echo
# expect: echo | | |
SF-Port7-UDP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E58%P=x86_64-pc-linux-gnu
SF:%r(Help,8,"help\r\n\r\n");
