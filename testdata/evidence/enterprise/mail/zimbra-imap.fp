# source: hand-made: RFC 3501 7.1.1 greeting (untagged OK) with the text Rapid7 Recog xml/imap_banners.xml lists as observed from the product; host name and date are ours
# expect: imap | Zimbra imapd
SF-Port143-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-g
SF:nu%r(NULL,35,"\*\x20OK\x20mail\.example\.com\x20Zimbra\x20IMAP4rev1\x20
SF:server\x20ready\r\n");
