# source: Debian 12 kamailio 5.6.3-2, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: sip | Kamailio SIP Server | 5.6.3 | x86_64/linux
SF-Port41060-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B155835%P=x86_64-pc-linux
SF:-gnu%r(GenericLines,2,"\r\n")%r(SIPOptionsTCP,148,"SIP/2\.0\x20200\x20O
SF:K\r\nVia:\x20SIP/2\.0/TCP\x20signet\.invalid;branch=z9hG4bKsignet;recei
SF:ved=127\.0\.0\.1\r\nFrom:\x20<sip:signet@signet\.invalid>;tag=signet\r\
SF:nTo:\x20<sip:signet@127\.0\.0\.1>;tag=e0b4371805fbad6aa2922731959334bb\
SF:.4cd80000\r\nCall-ID:\x20signet-options@signet\.invalid\r\nCSeq:\x201\x
SF:20OPTIONS\r\nServer:\x20kamailio\x20\(5\.6\.3\x20\(x86_64/linux\)\)\r\n
SF:Content-Length:\x200\r\n\r\n");
