# source: hand-made from MikroTik RouterOS 6 telnet login
# expect: telnet | MikroTik RouterOS telnetd | 6.49.7 | long-term
SF-Port23-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,33,"\xff\xfd\x18\xff\xfd\x20\xff\xfd#\xff\xfd'\r\nMikroTik\x2
SF:0v6\.49\.7\x20\(long-term\)\r\nLogin:\x20");
