# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Ricoh printer telnetd | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,3E,"RICOH\x20Maintenance\x20Shell\.\x20\x20\x20\n\rUser\x20acc
SF:ess\x20verification\.\n\rlogin:");
