# source: Debian 12 spamd 4.0.1-1~deb12u1, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: spamassassin | SpamAssassin spamd
SF-Port41783-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B155838%P=x86_64-pc-linux
SF:-gnu%r(SSLSessionReq,53,"SPAMD/1\.0\x2076\x20Bad\x20header\x20line:\x20
SF:\x16\x03\0\0S\x01\0\0O\x03\0\?G\xd7\xf7\xba,\xee\xea\xb2`~\xf3\0\xfd\x8
SF:2{\xb9\xd5\x96\xc8w\x9b\xe6\xc4\xdb<=\xdbo\xef\x10n\0\0\(\0\x16\0\x13\0
SF:\r\n");
