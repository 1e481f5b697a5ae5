# source: hand-made from RFC 1305 appendix B (mode 6 READVAR) with ntpd 4.2.8p15 (Debian ntp 1:4.2.8p15+dfsg-2~1.2.2) variables
# expect: ntp | ntpd | 4.2.8p15 | Linux/6.1.0-18-amd64
SF-Port123-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(NTPReadvar,A2,"\x16\x82\0\x01\0\0\0\0\0\0\0\x96version=\"ntpd\x20
SF:4\.2\.8p15@1\.3728-o\x20Wed\x20Sep\x2023\x2011:46:38\x20UTC\x202020\x20
SF:\(1\)\",\x20processor=\"x86_64\",\x20system=\"Linux/6\.1\.0-18-amd64\",
SF:\x20leap=0,\x20stratum=2,\x20precision=-24");
