# source: hand-made from UW imapd 2007f greeting
# expect: imap | UW imapd | 2007f.404
SF-Port143-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(NULL,A5,"\*\x20OK\x20\[CAPABILITY\x20IMAP4REV1\x20I18NLEVEL=1\x20
SF:LITERAL\+\x20SASL-IR\x20LOGIN-REFERRALS\x20STARTTLS\x20AUTH=LOGIN\]\x20
SF:localhost\x20IMAP4rev1\x202007f\.404\x20at\x20Wed,\x2025\x20Nov\x202026
SF:\x2019:31:07\x20\+0000\x20\(UTC\)\r\n");
