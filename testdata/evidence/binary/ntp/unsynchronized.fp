# source: hand-made from RFC 5905 7.3 (mode 4 reply, LI 3, stratum 0)
# expect: ntp | NTP |  | protocol v4; unsynchronized
SF-Port123-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(NTPRequest,30,"\xe4\0\x04\xe9\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0
SF:\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
