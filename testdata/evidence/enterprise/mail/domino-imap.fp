# source: hand-made: RFC 3501 7.1.1 greeting (untagged OK) with the text Rapid7 Recog xml/imap_banners.xml lists as observed from the product; host name and date are ours
# expect: imap | IBM Domino imapd | 9.0.1FP9
SF-Port143-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-g
SF:nu%r(NULL,50,"\*\x20OK\x20Domino\x20IMAP4\x20Server\x20Release\x209\.0\
SF:.1FP9\x20ready\x20Mon,\x207\x20Dec\x202026\x2011:00:00\x20\+0100\r\n");
