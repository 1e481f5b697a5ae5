# source: hand-made: IPMI v2.0 rev 1.1 (13.1.3 RMCP header, 13.6 session header, 22.13 Get Channel Authentication Capabilities response)
# expect: asf-rmcp | IPMI baseboard management controller | | IPMI 2.0
SF-Port623-UDP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-g
SF:nu%r(ipmi-channel-auth,1E,"\x06\0\xff\x07\0\0\0\0\0\0\0\0\0\x10\x81\x1c
SF:c\x20\x008\0\x01\x96\x04\x02\0\0\0\0\x0b");
