# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Grandstream GXV camera telnetd | | GXV3674_FHD_VF
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,4A,"Grandstream\x20GXV3674_FHD_VF\x20\x20\x20\x20Shell\x20Comm
SF:and\.Copyight\x202011-2014\r\nUsername:\n");
