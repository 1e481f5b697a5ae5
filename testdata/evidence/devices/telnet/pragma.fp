# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Pragma TelnetServer | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,62,"Welcome\x20to\x20Gemadept\x20Logistics\x20RF\x20Server\n\(
SF:C\)\x20Copyright\x201994-2012\x20Pragma\x20Systems,\x20Inc\.\n\nlogin\x
SF:20name:\x20");
