# recorded by signet 0.1.0 from 127.0.0.1 port 41411/tcp on 2026-12-06T16:19:24Z
# source: Debian 12 uhub 0.4.1-3.2 on the loopback testbed (testbed/testbed.sh, id adc-uhub), recorded 2026-12-06 with signet --version-record
# expect: adc | uhub ADC hub | 0.4.1
SF-Port41411-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B158B0C%P=x86_64-pc-linux
SF:-gnu%r(ADCSupports,A8,"ISUP\x20ADBASE\x20ADTIGR\x20ADPING\x20ADUCMD\nIS
SF:ID\x20AAAB\nIINF\x20CT32\x20VEuhub/0\.4\.1-release\x20NIsignet\\stestbe
SF:d\x20DEsignet\\stestbed\nISTA\x20000\x20Powered\\sby\\suhub/0\.4\.1-rel
SF:ease\\son\\sLinux/AMD64\n");
