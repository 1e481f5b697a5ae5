# source: Debian 12 dictd 1.13.0+dfsg-1, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: dict | dictd | 1.13.0
SF-Port41628-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B15582B%P=x86_64-pc-linux
SF:-gnu%r(NULL,56,"220\x20vm\x20dictd\x201\.13\.0/rf\x20on\x20Linux\x206\.
SF:18\.44-fc-v1272\x20<auth\.mime>\x20<2\.24575\.1796560939@vm>\r\n");
