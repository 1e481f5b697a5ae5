# source: Debian 12 openbsd-inetd 0.20221205-2~deb12u1 internal echo service (RFC 862), captured in a network namespace; nmap 7.93 -sV names it echo from its Help probe
# expect: echo | | |
SF-Port7-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E44%P=x86_64-pc-linux-gnu
SF:%r(Help,6,"HELP\r\n");
