# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Redline wireless radio telnetd | | RDL-3000 Ellipse
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,49,"RDL-3000\x20Ellipse\x20\x20\x20\x20\x20\(c\)\x20Copyright\
SF:x202010-2016\x20\x20Redline\x20Communications\x20Inc\.");
