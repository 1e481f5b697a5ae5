# source: Debian 12 chrony 4.3-2+deb12u3 (local stratum 10, no upstream servers), captured on 127.0.0.1 with signet --version-record
# expect: ntp | NTP |  | protocol v4; stratum 10
SF-Port44507-UDP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5E%P=x86_64-pc-linu
SF:x-gnu%r(NTPRequest,30,"\$\n\x04\xe6\0\0\0\0\0\0\0\0\x7f\x7f\x01\x01\xee
SF:\xb1\xb9\xd9\xba\x07\xb0\xdb\xc5O#Kq\xb1R\xf3\xee\xb1\xb9\xda\xc5\xccV}
SF:\xee\xb1\xb9\xda\xc5\xceq8");
