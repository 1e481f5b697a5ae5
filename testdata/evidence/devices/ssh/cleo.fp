# source: hand-made: RFC 4253 4.2 identification string "SSH-2.0-Cleo VLProxy/3.2 SSH FTP server" as observed from the device (Rapid7 Recog xml/ssh_banners.xml example)
# expect: ssh | Cleo VLProxy sshd | 3.2 | protocol 2.0
SF-Port22-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,29,"SSH-2\.0-Cleo\x20VLProxy/3\.2\x20SSH\x20FTP\x20server\r\n"
SF:);
