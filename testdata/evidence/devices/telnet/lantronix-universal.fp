# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Lantronix device server telnetd | 04.5 | Universal
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,A2,"\*\*\*\x20Lantronix\x20Universal\x20Device\x20Server\x20\*
SF:\*\*\nSerial\x20Number\x206451000\x20\x20MAC\x20address\x2000:20:4A:64:
SF:00:00\n\nSoftware\x20version\x2004\.5\x20\(011025\)\n\nPress\x20Enter\x
SF:20to\x20go\x20into\x20Setup\x20Mode\n");
