# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Lantronix device server telnetd | V6.11.0.0 | UDS1100-IAP
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,8F,"\*\*\*\x20Lantronix\x20UDS1100-IAP\x20Device\x20Server\x20
SF:\*\*\*\nMAC\x20address\x200080A3BD0000\n\nSoftware\x20version\x20V6\.11
SF:\.0\.0\x20\(150514\)\x20UDS1100\n\n\nPress\x20Enter\x20for\x20Setup\x20
SF:Mode\n");
