# source: hand-made from Cyrus POP3 3.6 greeting (Debian cyrus-pop3d 3.6.1-4)
# expect: pop3 | Cyrus pop3d | 3.6.1
SF-Port110-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(NULL,64,"\+OK\x20mail\.example\.org\x20Cyrus\x20POP3\x20v3\.6\.1-
SF:Debian-3\.6\.1-4\x20server\x20ready\x20<1234567890\.1@mail\.example\.or
SF:g>\r\n");
