# source: a UDP echo listener in Go (go1.26.8) on port 17007, captured in a network namespace: each datagram came back unchanged until the Help probe named it; nmap 7.93 -sV names it echo
# expect: echo | | |
SF-Port17007-UDP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E58%P=x86_64-pc-linux
SF:-gnu%r(RPCCheck,28,"r\xfe\x1d\x13\0\0\0\0\0\0\0\x02\0\x01\x86\xa0\0\x01
SF:\x97\|\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0")%r(DNSVersionBindReq,1E
SF:,"\0\x06\x01\0\0\x01\0\0\0\0\0\0\x07version\x04bind\0\0\x10\0\x03")%r(N
SF:BTStat,32,"\x80\xf0\0\x10\0\x01\0\0\0\0\0\0\x20CKAAAAAAAAAAAAAAAAAAAAAA
SF:AAAAAAAA\0\0!\0\x01")%r(Help,8,"help\r\n\r\n");
