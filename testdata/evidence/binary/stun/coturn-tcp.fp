# source: Debian 12 coturn 4.6.1-1 (turnserver, no auth), captured on 127.0.0.1 with signet --version-record
# expect: stun | coturn | 4.6.1 | Gorst
SF-Port44527-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5C%P=x86_64-pc-linu
SF:x-gnu%r(STUNBindingReqTCP,50,"\x01\x01\0<!\x12\xa4Bsignetsignet\0\x20\0
SF:\x08\0\x01\xb9\x06\^\x12\xa4C\0\x01\0\x08\0\x01\x98\x14\x7f\0\0\x01\x80
SF:\+\0\x08\0\x01\xad\xef\x7f\0\0\x01\x80\"\0\x14Coturn-4\.6\.1\x20'Gorst'
SF:");
