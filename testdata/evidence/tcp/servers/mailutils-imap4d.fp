# source: Debian 12 mailutils-imap4d 1:3.15-4, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: imap | GNU Mailutils imap4d
SF-Port41144-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B15582F%P=x86_64-pc-linux
SF:-gnu%r(NULL,10,"\*\x20OK\x20IMAP4rev1\r\n")%r(GenericLines,3A,"\*\x20OK
SF:\x20IMAP4rev1\r\n\*\x20BAD\x20\x20Null\x20command\r\n\*\x20BAD\x20\x20N
SF:ull\x20command\r\n");
