# source: Debian 12 samba 2:4.17.12+dfsg-0+deb12u4, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: microsoft-ds |  |  | SMB1 refused: SMB 2 or later only
SF-Port41446-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B155833%P=x86_64-pc-linux
SF:-gnu%r(SMBProgNeg,29,"\0\0\0%\xffSMBr\0\0\0\0\x88\x03@\0\0\0\0\0\0\0\0\
SF:0\0\0\0\0\0@\x06\0\0\x01\0\x01\xff\xff\0\0");
