# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | HP ProCurve switch telnetd | v2.2.3 | HP J4121A ProCurve Switch 4000M
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,346,"=========================================================
SF:=====================\nHP\x20J4121A\x20ProCurve\x20Switch\x204000M\nFir
SF:mware\x20revision\x20v2\.2\.3\n\nCopyright\x20\(C\)\x201991-2004\x20Hew
SF:lett-Packard\x20Co\.\x20All\x20Rights\x20Reserved\.\n\n\x20\x20\x20\x20
SF:\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x2
SF:0\x20\x20RESTRICTED\x20RIGHTS\x20LEGEND\n\n\x20Use,\x20duplication,\x20
SF:or\x20disclosure\x20by\x20the\x20Government\x20is\x20subject\x20to\x20r
SF:estrictions\n\x20\n\x20as\x20set\x20forth\x20in\x20subdivision\x20\(b\)
SF:\x20\(3\)\x20\(ii\)\x20of\x20the\x20Rights\x20in\x20Technical\x20Data\x
SF:20and\n\x20\n\x20Computer\x20Software\x20clause\x20at\x2052\.227-7013\.
SF:\n\n\x20\x20\x20\x20\x20\x20HEWLETT-PACKARD\x20COMPANY,\x203000\x20Hano
SF:ver\x20St\.,\x20Palo\x20Alto,\x20CA\x2094303\n\n\x20\x20\x20\x20\x20\x2
SF:0\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x
SF:20\nWe'd\x20like\x20to\x20keep\x20you\x20up\x20to\x20date\x20about:\n\x
SF:20\*\x20Software\x20feature\x20updates\n\x20\*\x20New\x20product\x20ann
SF:ouncements\n\x20\*\x20Special\x20events\n\n\x20\x20\x20\x20\x20\x20\x20
SF:\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\nP
SF:lease\x20register\x20your\x20products\x20now\x20at:\x20www\.ProCurve\.c
SF:om\n===================================================================
SF:===========\n\n\nUsername:\x20");
