# recorded by signet 0.1.0 from 127.0.0.1 port 41079/tcp on 2026-12-06T15:34:02Z
# source: Debian 12 fingerd 0.17-17 on the loopback testbed (testbed/testbed.sh, id finger), recorded 2026-12-06 with signet --version-record
# expect: finger | netkit fingerd | 
SF-Port41079-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B15806A%P=x86_64-pc-linux
SF:-gnu%r(SIPOptionsTCP,21,"fingerd:\x20forwarding\x20not\x20allowed\r\n")
SF:%r(PJLInfoID,21,"fingerd:\x20forwarding\x20not\x20allowed\r\n");
