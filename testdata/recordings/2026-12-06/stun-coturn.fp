# recorded by signet 0.1.0 from 127.0.0.1 port 42178/udp on 2026-12-06T12:39:48Z
# source: Debian 12 coturn 4.6.1-1 on the loopback testbed (testbed/testbed.sh, id stun-coturn), recorded 2026-12-06 with signet --version-record
# expect: stun | coturn
SF-Port42178-UDP:V=signet-0.1.0%I=9%D=12/6%Time=6B155794%P=x86_64-pc-linux
SF:-gnu%r(STUNBindingReq,50,"\x01\x01\0<!\x12\xa4Bsignetsignet\0\x20\0\x08
SF:\0\x01\xa6\xeb\^\x12\xa4C\0\x01\0\x08\0\x01\x87\xf9\x7f\0\0\x01\x80\+\0
SF:\x08\0\x01\xa4\xc2\x7f\0\0\x01\x80\"\0\x14Coturn-4\.6\.1\x20'Gorst'");
