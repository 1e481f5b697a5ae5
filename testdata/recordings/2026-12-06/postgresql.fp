# recorded by signet 0.1.0 from 127.0.0.1 port 41432/tcp on 2026-12-06T12:39:52Z
# source: Debian 12 postgresql-15 15.18-0+deb12u1 on the loopback testbed (testbed/testbed.sh, id postgresql), recorded 2026-12-06 with signet --version-record
# expect: postgresql | PostgreSQL DB
SF-Port41432-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B155798%P=x86_64-pc-linux
SF:-gnu%r(Kerberos,8C,"E\0\0\0\x8bSFATAL\0VFATAL\0C0A000\0Munsupported\x20
SF:frontend\x20protocol\x2027265\.28208:\x20server\x20supports\x203\.0\x20
SF:to\x203\.0\0Fpostmaster\.c\0L2222\0RProcessStartupPacket\0\0")%r(SMBPro
SF:gNeg,8C,"E\0\0\0\x8bSFATAL\0VFATAL\0C0A000\0Munsupported\x20frontend\x2
SF:0protocol\x2065363\.19778:\x20server\x20supports\x203\.0\x20to\x203\.0\
SF:0Fpostmaster\.c\0L2222\0RProcessStartupPacket\0\0")%r(kafka-apiversions
SF:,85,"E\0\0\0\x84SFATAL\0VFATAL\0C0A000\0Munsupported\x20frontend\x20pro
SF:tocol\x2018\.0:\x20server\x20supports\x203\.0\x20to\x203\.0\0Fpostmaste
SF:r\.c\0L2222\0RProcessStartupPacket\0\0");
