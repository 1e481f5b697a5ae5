# source: hand-made from RFC 8489 (Binding success, SOFTWARE "restund v0.4.12")
# expect: stun | restund | 0.4.12 | 
SF-Port3478-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(STUNBindingReq,44,"\x01\x01\x000!\x12\xa4Bsignetsignet\0\x20\0\x
SF:08\0\x01\x8e\x0b\^\x12\xa4C\x80\"\0\x1erestund\x20v0\.4\.12\x20\(x86_64
SF:/linux\)\0\0");
