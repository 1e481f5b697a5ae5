# source: hand-made from RFC 6762 18 and RFC 6763 9 (DNS-SD service enumeration answer)
# expect: mdns |  |  | DNS-SD
SF-Port5353-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(DNS-SD,47,"\0\0\x84\0\0\x01\0\x01\0\0\0\0\t_services\x07_dns-sd\
SF:x04_udp\x05local\0\0\x0c\0\x01\xc0\x0c\0\x0c\0\x01\0\0\0\n\0\r\x05_http
SF:\x04_tcp\xc0#");
