SF-Port31994-TCP:V=7.93%I=7%D=11/25%Time=6B07170B%P=x86_64-pc-linux-gnu%r(
SF:NULL,1A,"220\x20blah\x20FTP\x20thing\x20ready\r\n")%r(GenericLines,24,"
SF:220\x20blah\x20FTP\x20thing\x20ready\r\n500\x20what\r\n")%r(Help,24,"22
SF:0\x20blah\x20FTP\x20thing\x20ready\r\n500\x20what\r\n")%r(SSLSessionReq
SF:,24,"220\x20blah\x20FTP\x20thing\x20ready\r\n500\x20what\r\n")%r(SMBPro
SF:gNeg,24,"220\x20blah\x20FTP\x20thing\x20ready\r\n500\x20what\r\n");
