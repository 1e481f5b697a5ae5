# source: hand-made from MS-CIFS 2.2.4.52.2 (NT LM 0.12 negotiate response, MaxBufferSize 4356, Windows Server 2008 R2 layout)
# expect: microsoft-ds | Microsoft Windows microsoft-ds |  | workgroup: CORP
SF-Port445-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(SMBProgNeg,65,"\0\0\0a\xffSMBr\0\0\0\0\x88\x01\xc0\0\0\0\0\0\0\0\
SF:0\0\0\0\0\0\0\xff\xfe\0\0\0\0\x11\x06\0\x032\0\x01\0\x04\x11\0\0\0\0\x0
SF:1\0\0\0\0\0\xfd\xe3\0\x80\0\0\0\0\0\0\0\0\0\0\x08\x1c\0ABCDEFGHC\0O\0R\
SF:0P\0\0\0D\0C\x000\x001\0\0\0");
