# recorded by signet 0.1.0 from 127.0.0.1 port 41873/tcp on 2026-12-06T12:39:53Z
# source: Debian 12 rsync 3.5.0+ds1-0+deb12u1 on the loopback testbed (testbed/testbed.sh, id rsync), recorded 2026-12-06 with signet --version-record
# expect: rsync | *
SF-Port41873-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B155799%P=x86_64-pc-linux
SF:-gnu%r(NULL,2A,"@RSYNCD:\x2032\.0\x20sha512\x20sha256\x20sha1\x20md5\x2
SF:0md4\n\n")%r(Hello,49,"@RSYNCD:\x2032\.0\x20sha512\x20sha256\x20sha1\x2
SF:0md5\x20md4\n\n@ERROR:\x20protocol\x20startup\x20error\n")%r(Help,49,"@
SF:RSYNCD:\x2032\.0\x20sha512\x20sha256\x20sha1\x20md5\x20md4\n\n@ERROR:\x
SF:20protocol\x20startup\x20error\n")%r(Memcache,49,"@RSYNCD:\x2032\.0\x20
SF:sha512\x20sha256\x20sha1\x20md5\x20md4\n\n@ERROR:\x20protocol\x20startu
SF:p\x20error\n")%r(XMPPStream,2A,"@RSYNCD:\x2032\.0\x20sha512\x20sha256\x
SF:20sha1\x20md5\x20md4\n\n")%r(VersionCommand,49,"@RSYNCD:\x2032\.0\x20sh
SF:a512\x20sha256\x20sha1\x20md5\x20md4\n\n@ERROR:\x20protocol\x20startup\
SF:x20error\n");
