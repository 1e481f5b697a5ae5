# source: hand-made from ODVA CIP vol. 2 2-4.3.3 (ListIdentity reply of an Omron NJ501, vendor 47)
# expect: enip | Omron NJ501-1300 | 1.4 | serial 305419896
SF-Port44818-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linu
SF:x-gnu%r(enip-listidentity,4A,"c\x002\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\
SF:0\0\0\0\x01\0\x0c\0,\0\x01\0\0\x02\xaf\x12\xc0\xa8\x01\x14\0\0\0\0\0\0\
SF:0\0/\0\x0c\0U\x06\x01\x040\0xV4\x12\nNJ501-1300\x03");
