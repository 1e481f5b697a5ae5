# source: Debian 12 postgresql-15 15.18-0+deb12u1, captured on 127.0.0.1 with signet --version-record
# expect: postgresql | PostgreSQL DB | 9.6 - 16 | 
SF-Port44525-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5E%P=x86_64-pc-linu
SF:x-gnu%r(Kerberos,8C,"E\0\0\0\x8bSFATAL\0VFATAL\0C0A000\0Munsupported\x2
SF:0frontend\x20protocol\x2027265\.28208:\x20server\x20supports\x203\.0\x2
SF:0to\x203\.0\0Fpostmaster\.c\0L2222\0RProcessStartupPacket\0\0")%r(SMBPr
SF:ogNeg,8C,"E\0\0\0\x8bSFATAL\0VFATAL\0C0A000\0Munsupported\x20frontend\x
SF:20protocol\x2065363\.19778:\x20server\x20supports\x203\.0\x20to\x203\.0
SF:\0Fpostmaster\.c\0L2222\0RProcessStartupPacket\0\0")%r(kafka-apiversion
SF:s,85,"E\0\0\0\x84SFATAL\0VFATAL\0C0A000\0Munsupported\x20frontend\x20pr
SF:otocol\x2018\.0:\x20server\x20supports\x203\.0\x20to\x203\.0\0Fpostmast
SF:er\.c\0L2222\0RProcessStartupPacket\0\0");
