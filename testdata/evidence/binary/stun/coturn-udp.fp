# source: Debian 12 coturn 4.6.1-1 (turnserver, no auth), captured on 127.0.0.1 with signet --version-record
# expect: stun | coturn | 4.6.1 | Gorst
SF-Port44527-UDP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5F%P=x86_64-pc-linu
SF:x-gnu%r(STUNBindingReq,50,"\x01\x01\0<!\x12\xa4Bsignetsignet\0\x20\0\x0
SF:8\0\x01\x94\x0b\^\x12\xa4C\0\x01\0\x08\0\x01\xb5\x19\x7f\0\0\x01\x80\+\
SF:0\x08\0\x01\xad\xef\x7f\0\0\x01\x80\"\0\x14Coturn-4\.6\.1\x20'Gorst'");
