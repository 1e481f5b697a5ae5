# source: hand-made: the telnet banner observed from the device, as Rapid7 Recog xml/telnet_banners.xml example records it
# expect: telnet | Baxter SIGMA Spectrum infusion pump telnetd | v8.00.01 |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,E5,"Welcome\x20to\x20the\x20SIGMA\x20Spectrum\x20Diagnostic\x2
SF:0Terminal\r\n\r\nWireless\x20Battery\x20Module\x20\(802\.11a/b/g/n\)\r\
SF:nMAC\x20Address:\x2000-40-9d-12-34-56\x20SW:\x2020\x20D29\r\nSigma\x20S
SF:pectrum\x20SN:\x201234567\x20SW:\x20v8\.00\.01\r\nRadio\x20up\x20since:
SF:\x20Fri\x20Mar\x20\x201\x2003:14:24\x202019\r\n\r\nlogin:\x20");
