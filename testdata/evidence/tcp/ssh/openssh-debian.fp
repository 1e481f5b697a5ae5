# source: Debian 12 openssh-server 1:9.2p1-2+deb12u10, captured on loopback
# expect: ssh | OpenSSH | 9.2p1 Debian 2+deb12u10 | protocol 2.0
SF-Port47001-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B6F%P=x86_64-pc-linu
SF:x-gnu%r(NULL,29,"SSH-2\.0-OpenSSH_9\.2p1\x20Debian-2\+deb12u10\r\n")%r(
SF:Hello,4D,"SSH-2\.0-OpenSSH_9\.2p1\x20Debian-2\+deb12u10\r\nInvalid\x20S
SF:SH\x20identification\x20string\.\r\n")%r(Help,4D,"SSH-2\.0-OpenSSH_9\.2
SF:p1\x20Debian-2\+deb12u10\r\nInvalid\x20SSH\x20identification\x20string\
SF:.\r\n")%r(Memcache,4D,"SSH-2\.0-OpenSSH_9\.2p1\x20Debian-2\+deb12u10\r\
SF:nInvalid\x20SSH\x20identification\x20string\.\r\n")%r(XMPPStream,29,"SS
SF:H-2\.0-OpenSSH_9\.2p1\x20Debian-2\+deb12u10\r\n")%r(VersionCommand,4D,"
SF:SSH-2\.0-OpenSSH_9\.2p1\x20Debian-2\+deb12u10\r\nInvalid\x20SSH\x20iden
SF:tification\x20string\.\r\n");
