# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Bosch IP camera telnetd | | AutoDome 800 HD
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,2F,"Welcome\x20to\x20AutoDome\x20800\x20HD\x201\.2\.3\.4\x20fr
SF:om\x205\.6\.7\.8");
