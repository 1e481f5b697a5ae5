# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | OpenVMS telnetd | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,56,"\x20Welcome\x20to\x20OpenVMS\x20\(TM\)\x20Alpha\x20Operati
SF:ng\x20System,\x20Version\x20V8\.4\x20\x20\x20\x20\x20-\x20NOT70\n\n\nUs
SF:ername:\x20");
