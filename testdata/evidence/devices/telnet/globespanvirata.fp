# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | GlobespanVirata router telnetd | 2.1.040407a3_u_e_A |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,75,"GlobespanVirata\x20Inc\.,\x20Software\x20Release\x202\.1\.
SF:040407a3_u_e_A\n\nCopyright\x20\(c\)\x202001-2003\x20by\x20GlobespanVir
SF:ata,\x20Inc\.\n\n\nlogin:\x20");
