# recorded by signet 0.1.0 from 127.0.0.1 port 41445/tcp on 2026-12-06T12:39:55Z
# source: Debian 12 samba 2:4.17.12+dfsg-0+deb12u4 on the loopback testbed (testbed/testbed.sh, id smb-samba), recorded 2026-12-06 with signet --version-record
# expect: netbios-ssn | Samba smbd
SF-Port41445-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B15579B%P=x86_64-pc-linux
SF:-gnu%r(SMBProgNeg,29,"\0\0\0%\xffSMBr\0\0\0\0\x88\x03@\0\0\0\0\0\0\0\0\
SF:0\0\0\0\0\0@\x06\0\0\x01\0\x01\xff\xff\0\0");
