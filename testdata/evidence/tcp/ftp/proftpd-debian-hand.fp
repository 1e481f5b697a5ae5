# source: hand-made: ProFTPD banner with ServerName "Debian" (pcre/testdata/corpus/hand-proftpd--NULL.bin)
# expect: ftp | ProFTPD | | Debian
SF-Port21-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,30,"220\x20ProFTPD\x20Server\x20\(Debian\)\x20\[::ffff:127\.0
SF:\.0\.1\]\r\n");
