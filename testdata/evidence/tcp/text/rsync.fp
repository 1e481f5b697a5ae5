# source: Debian 12 rsync 3.2.7 daemon, captured on loopback
# expect: rsync | rsync | | protocol version 32.0
SF-Port47051-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B73%P=x86_64-pc-linu
SF:x-gnu%r(NULL,29,"@RSYNCD:\x2032\.0\x20sha512\x20sha256\x20sha1\x20md5\x
SF:20md4\n")%r(Hello,48,"@RSYNCD:\x2032\.0\x20sha512\x20sha256\x20sha1\x20
SF:md5\x20md4\n@ERROR:\x20protocol\x20startup\x20error\n")%r(Help,48,"@RSY
SF:NCD:\x2032\.0\x20sha512\x20sha256\x20sha1\x20md5\x20md4\n@ERROR:\x20pro
SF:tocol\x20startup\x20error\n")%r(Memcache,48,"@RSYNCD:\x2032\.0\x20sha51
SF:2\x20sha256\x20sha1\x20md5\x20md4\n@ERROR:\x20protocol\x20startup\x20er
SF:ror\n")%r(XMPPStream,29,"@RSYNCD:\x2032\.0\x20sha512\x20sha256\x20sha1\
SF:x20md5\x20md4\n")%r(VersionCommand,48,"@RSYNCD:\x2032\.0\x20sha512\x20s
SF:ha256\x20sha1\x20md5\x20md4\n@ERROR:\x20protocol\x20startup\x20error\n"
SF:);
