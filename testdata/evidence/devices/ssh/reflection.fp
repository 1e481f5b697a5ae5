# source: hand-made: RFC 4253 4.2 identification string "SSH-2.0-WRQReflectionForSecureIT_6.1 Build 21" as observed from the device (Rapid7 Recog xml/ssh_banners.xml example)
# expect: ssh | Attachmate Reflection for Secure IT sshd | 6.1 | build 21; protocol 2.0
SF-Port22-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,2F,"SSH-2\.0-WRQReflectionForSecureIT_6\.1\x20Build\x2021\r\n"
SF:);
