# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Powerware ConnectUPS telnetd | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,FE,"\+========================================================
SF:====================\+\n\|\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\
SF:x20\[\x20ConnectUPS\x20Web/SNMP\x20Card\x20Configuration\x20Utility\x20
SF:\]\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\|\n\+=======
SF:=====================================================================\+
SF:\n\nEnter\x20Password:\x20");
