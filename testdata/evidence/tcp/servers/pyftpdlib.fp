# source: Debian 12 python3-pyftpdlib 1.5.7-3, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: ftp | pyftpdlib | 1.5.7
SF-Port41020-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B155C92%P=x86_64-pc-linux
SF:-gnu%r(NULL,1C,"220\x20pyftpdlib\x201\.5\.7\x20ready\.\r\n");
