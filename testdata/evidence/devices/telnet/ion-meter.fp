# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Power Measurement ION meter telnetd | | ION 7330
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,5C,"Power\x20Measurement\x20Ltd\.\x20Meter\x20ION\x207330V271\
SF:x20ETH\x20ETH7330V272\n\rSerial#:\x20PB-0204A058-11\n\r\n\rlogin:");
