# recorded by signet 0.1.0 from 127.0.0.1 port 41022/tcp on 2026-12-06T12:39:51Z
# source: Debian 12 openssh-server 1:9.2p1-2+deb12u10 on the loopback testbed (testbed/testbed.sh, id ssh-openssh), recorded 2026-12-06 with signet --version-record
# expect: ssh | OpenSSH
SF-Port41022-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B155797%P=x86_64-pc-linux
SF:-gnu%r(NULL,29,"SSH-2\.0-OpenSSH_9\.2p1\x20Debian-2\+deb12u10\r\n")%r(H
SF:ello,4D,"SSH-2\.0-OpenSSH_9\.2p1\x20Debian-2\+deb12u10\r\nInvalid\x20SS
SF:H\x20identification\x20string\.\r\n")%r(Help,4D,"SSH-2\.0-OpenSSH_9\.2p
SF:1\x20Debian-2\+deb12u10\r\nInvalid\x20SSH\x20identification\x20string\.
SF:\r\n")%r(Memcache,4D,"SSH-2\.0-OpenSSH_9\.2p1\x20Debian-2\+deb12u10\r\n
SF:Invalid\x20SSH\x20identification\x20string\.\r\n")%r(XMPPStream,29,"SSH
SF:-2\.0-OpenSSH_9\.2p1\x20Debian-2\+deb12u10\r\n")%r(VersionCommand,4D,"S
SF:SH-2\.0-OpenSSH_9\.2p1\x20Debian-2\+deb12u10\r\nInvalid\x20SSH\x20ident
SF:ification\x20string\.\r\n");
