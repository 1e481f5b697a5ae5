# source: hand-made: RFC 4253 4.2 identification string "SSH-2.0-1.82_sshlib Globalscape" as observed from the device (Rapid7 Recog xml/ssh_banners.xml example)
# expect: ssh | GlobalSCAPE EFT sshd | | sshlib 1.82; protocol 2.0
SF-Port22-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,21,"SSH-2\.0-1\.82_sshlib\x20Globalscape\r\n");
