# source: an echo listener in Go (go1.26.8, io.Copy of the connection onto itself) on port 7007, captured in a network namespace with --version-timing nmap: each payload came back unchanged until the Help probe named it; nmap 7.93 -sV names it echo
# expect: echo | | |
SF-Port7007-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E58%P=x86_64-pc-linux-
SF:gnu%r(GenericLines,4,"\r\n\r\n")%r(GetRequest,12,"GET\x20/\x20HTTP/1\.0
SF:\r\n\r\n")%r(HTTPOptions,16,"OPTIONS\x20/\x20HTTP/1\.0\r\n\r\n")%r(RTSP
SF:Request,16,"OPTIONS\x20/\x20RTSP/1\.0\r\n\r\n")%r(Help,6,"HELP\r\n");
