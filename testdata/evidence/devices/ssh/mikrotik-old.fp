# source: hand-made: RFC 4253 4.2 identification string "SSH-2.0-OpenSSH_2.3.0_Mikrotik_v2.9" as observed from the device (Rapid7 Recog xml/ssh_banners.xml example)
# expect: ssh | MikroTik RouterOS sshd | 2.9 | OpenSSH 2.3.0; protocol 2.0
SF-Port22-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,25,"SSH-2\.0-OpenSSH_2\.3\.0_Mikrotik_v2\.9\r\n");
