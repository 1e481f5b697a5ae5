# source: hand-made from Cyrus IMAP 3.6 greeting (Debian cyrus-imapd 3.6.1-4)
# expect: imap | Cyrus imapd | 3.6.1
SF-Port143-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(NULL,8B,"\*\x20OK\x20\[CAPABILITY\x20IMAP4rev1\x20LITERAL\+\x20ID
SF:\x20ENABLE\x20STARTTLS\x20AUTH=PLAIN\x20SASL-IR\]\x20mail\.example\.org
SF:\x20Cyrus\x20IMAP\x20v3\.6\.1-Debian-3\.6\.1-4\x20server\x20ready\r\n");
