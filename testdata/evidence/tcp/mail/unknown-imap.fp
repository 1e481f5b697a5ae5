# source: hand-made: an unnamed IMAP server (RFC 9051 greeting and untagged BAD)
# expect: imap | |
SF-Port143-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(NULL,1D,"\*\x20OK\x20IMAP4rev1\x20server\x20ready\r\n")%r(Generic
SF:Lines,34,"\*\x20OK\x20IMAP4rev1\x20server\x20ready\r\n\*\x20BAD\x20inva
SF:lid\x20command\r\n");
