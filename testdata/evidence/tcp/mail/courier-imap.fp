# source: hand-made from Courier-IMAP 5 greeting
# expect: imap | Courier Imapd
SF-Port143-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(NULL,F2,"\*\x20OK\x20\[CAPABILITY\x20IMAP4rev1\x20UIDPLUS\x20CHIL
SF:DREN\x20NAMESPACE\x20THREAD=ORDEREDSUBJECT\x20THREAD=REFERENCES\x20SORT
SF:\x20QUOTA\x20IDLE\x20ACL\x20ACL2=UNION\x20STARTTLS\]\x20Courier-IMAP\x2
SF:0ready\.\x20Copyright\x201998-2018\x20Double\x20Precision,\x20Inc\.\x20
SF:\x20See\x20COPYING\x20for\x20distribution\x20information\.\r\n");
