# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | HP JetDirect telnetd | | password not set
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,80,"HP\x20JetDirect\r\nPassword\x20is\x20not\x20set\r\n\r\nPle
SF:ase\x20type\x20\"menu\"\x20for\x20the\x20MENU\x20system,\x20\r\nor\x20\
SF:"\?\"\x20for\x20help,\x20or\x20\"/\"\x20for\x20current\x20settings\.\r\
SF:n>\n");
