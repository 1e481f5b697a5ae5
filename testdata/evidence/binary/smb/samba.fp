# source: Debian 12 samba 2:4.17.12+dfsg-0+deb12u4 smbd (server min protocol NT1), captured on 127.0.0.1 with signet --version-record
# expect: netbios-ssn | Samba smbd | 3.X - 4.X | workgroup: SIGNETWG
SF-Port44511-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5E%P=x86_64-pc-linu
SF:x-gnu%r(SMBProgNeg,77,"\0\0\0s\xffSMBr\0\0\0\0\x88\x03@\0\0\0\0\0\0\0\0
SF:\0\0\0\0\0\0@\x06\0\0\x01\0\x11\x06\0\x032\0\x01\0\x04A\0\0\0\0\x01\0\x
SF:e2\\\0\0\xfd\xf3\x80\0\[\xef\|\xd3\x15}\xdd\x01\0\0\x08\.\0g\"c!\x9bfZ\
SF:x94S\0I\0G\0N\0E\0T\0W\0G\0\0\0S\0I\0G\0N\0E\0T\0S\0M\0B\0\0\0");
