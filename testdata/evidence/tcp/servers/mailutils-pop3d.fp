# source: Debian 12 mailutils-pop3d 1:3.15-4, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: pop3 | GNU Mailutils pop3d
SF-Port41145-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B15582B%P=x86_64-pc-linux
SF:-gnu%r(NULL,26,"\+OK\x20POP3\x20Ready\x20<24564\.1796560939@vm>\r\n");
