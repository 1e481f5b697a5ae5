# source: hand-made from Cisco IOS "User Access Verification" login sequence (RFC 854 options)
# expect: telnet | Cisco router telnetd
SF-Port23-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,36,"\xff\xfb\x01\xff\xfb\x03\xff\xfd\x18\xff\xfd\x1f\r\n\r\nU
SF:ser\x20Access\x20Verification\r\n\r\nUsername:\x20");
