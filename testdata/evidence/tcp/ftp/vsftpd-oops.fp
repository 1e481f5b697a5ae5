# source: Debian 12 vsftpd 3.0.3-13+b2 with local and anonymous access off, captured on loopback
# expect: ftp | vsftpd | | broken: both local and anonymous access disabled!
SF-Port47025-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B72%P=x86_64-pc-linu
SF:x-gnu%r(NULL,3D,"500\x20OOPS:\x20vsftpd:\x20both\x20local\x20and\x20ano
SF:nymous\x20access\x20disabled!\r\n");
