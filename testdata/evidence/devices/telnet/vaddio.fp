# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Vaddio camera telnetd | 1.6+snapshot-20170720 | VNG
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,40,"Vaddio\x20VNG\x201\.6\+snapshot-20170720\x20vaddio-doccam-
SF:54-10-EC-31-2A-19");
