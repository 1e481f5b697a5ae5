# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Polycom RMX telnetd | | RMX 500
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,62,"Welcome\x20to\x20Polycom\x20RMX\x20500\x20\(COP\)\x20Conso
SF:le\x20Utility\r\n\rCopyright\x20\(C\)\x202008-2010\x20POLYCOM\r\n\r\r\n
SF:\rPassword:\n");
