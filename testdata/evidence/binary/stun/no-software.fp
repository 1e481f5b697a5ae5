# source: hand-made from RFC 8489 (Binding success without SOFTWARE)
# expect: stun |  |  | 
SF-Port3478-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(STUNBindingReq,20,"\x01\x01\0\x0c!\x12\xa4Bsignetsignet\0\x20\0\
SF:x08\0\x01\x8e\x0b\^\x12\xa4C");
