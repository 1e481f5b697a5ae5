# source: hand-made: Pure-FTPd with a custom one-line banner (FTP 220 reply)
# expect: ftp | Pure-FTPd
SF-Port21-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,59,"220-Welcome\x20to\x20Pure-FTPd\.\r\n220\x20You\x20will\x2
SF:0be\x20disconnected\x20after\x2015\x20minutes\x20of\x20inactivity\.\r\n
SF:");
