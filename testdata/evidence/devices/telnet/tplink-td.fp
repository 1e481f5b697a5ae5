# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | TP-LINK DSL modem telnetd | | TD-W8960N 5.0
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,6E,"TD-W8960N\x205\.0\x20DSL\x20Modem\x20Router\r\nAuthorizati
SF:on\x20failed\x20after\x20trying\x205\x20times!!!\.\r\nPlease\x20login\x
SF:20after\x20416\x20seconds!");
