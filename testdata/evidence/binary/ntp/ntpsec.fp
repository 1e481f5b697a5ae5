# source: hand-made from RFC 1305 appendix B (mode 6 READVAR) with NTPsec 1.2.2 (Debian ntpsec 1.2.2+dfsg1-1) variables
# expect: ntp | NTPsec | 1.2.2 | Linux/6.1.0-18-amd64
SF-Port123-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(NTPReadvar,7E,"\x16\x82\0\x01\0\0\0\0\0\0\0rversion=\"ntpsec-1\.2
SF:\.2\x202023-01-18T21:49:26Z\",\x20processor=\"x86_64\",\x20system=\"Lin
SF:ux/6\.1\.0-18-amd64\",\x20leap=00,\x20stratum=2");
