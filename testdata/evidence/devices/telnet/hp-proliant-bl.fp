# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | HP ProLiant BL e-Class Integrated Administrator | 2.00 |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,248,"HP\x20ProLiant\x20BL\x20e-Class\x20Integrated\x20Administ
SF:rator\x20v2\.00\n\x20\x20\x20\x20\x20\x20\x20\x20\x20Copyright\x202005\
SF:x20Hewlett-Packard\x20Development\x20Group,\x20L\.P\.\n\n\x20\x20\x20\x
SF:20\x20\x20\x20\x20\x20-------------------------------------------------
SF:----------------------------\n\x20\x20\x20\x20\x20\x20\x20\x20\x20WARNI
SF:NG:\x20This\x20is\x20a\x20private\x20system\.\x20\x20Do\x20not\x20attem
SF:pt\x20to\x20login\x20unless\x20you\x20are\x20an\n\x20\x20\x20\x20\x20\x
SF:20\x20\x20\x20authorized\x20user\.\x20\x20Any\x20authorized\x20or\x20un
SF:authorized\x20access\x20and\x20use\x20may\x20be\x20moni-\n\x20\x20\x20\
SF:x20\x20\x20\x20\x20\x20tored\x20and\x20can\x20result\x20in\x20criminal\
SF:x20or\x20civil\x20prosecution\x20under\x20applicable\x20law\.\n\x20\x20
SF:\x20\x20\x20\x20\x20\x20\x20-------------------------------------------
SF:----------------------------------\n\n\n\x20\x20\x20\x20\x20\x20\x20\x2
SF:0\x20IA-00508BEBAA59\x20login:");
