# source: Debian 12 openvpn 2.6.14-0+deb12u2 (TLS server, --dev null), captured on 127.0.0.1 with signet --version-record
# expect: openvpn | OpenVPN |  | 
SF-Port44530-UDP:V=signet-0.1.0%I=9%D=11/25%Time=6B073BA1%P=x86_64-pc-linu
SF:x-gnu%r(OpenVPN,1A,"@\xfd`\xae\x17\xce\xe8\x9f\xd9\x01\0\0\0\0d\xc1x\x0
SF:1\xb8\x9b\xcb\x8f\0\0\0\0");
