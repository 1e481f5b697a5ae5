# source: hand-made from the OpenVPN wire format (P_CONTROL_HARD_RESET_SERVER_V2, TCP length framing)
# expect: openvpn | OpenVPN |  | 
SF-Port1194-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(OpenVPN,1C,"\0\x1a@\x01\x02\x03\x04\x05\x06\x07\x08\x01\0\0\0\x0
SF:07\xa5&\x08\xa2\x1b\xa0\xb1\0\0\0\0");
