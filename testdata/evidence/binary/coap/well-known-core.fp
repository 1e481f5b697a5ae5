# source: hand-made from RFC 7252 and RFC 6690 (ACK 2.05 Content, link format)
# expect: coap |  |  | CoRE link format
SF-Port5683-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(coap-request,47,"`E\x01\xce\xc1\(\xff</sensors/temp>;rt=\"temper
SF:ature\";if=\"sensor\",</\.well-known/core>");
