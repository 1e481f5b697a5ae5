# source: hand-made from ODVA CIP vol. 2 2-4.3.3 (ListIdentity reply of a 1756-EN2T, vendor 1)
# expect: enip | Rockwell Automation 1756-EN2T/D | 11.2 | serial 1610612737
SF-Port44818-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linu
SF:x-gnu%r(enip-listidentity,4B,"c\x003\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\
SF:0\0\0\0\x01\0\x0c\0-\0\x01\0\0\x02\xaf\x12\xc0\xa8\x01\x14\0\0\0\0\0\0\
SF:0\0\x01\0\x0c\0\xa6\0\x0b\x020\0\x01\0\0`\x0b1756-EN2T/D\x03");
