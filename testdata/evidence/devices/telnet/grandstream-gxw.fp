# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Grandstream GXW gateway telnetd | | GXW-4008 V1.5A
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,49,"Grandstream\x20GXW-4008\x20\x20V1\.5A\x20Command\x20Shell\
SF:x20Copyright\x202006-2015\r\nPassword:\n");
