# source: hand-made from RFC 6143 7.1.1 (Apple Remote Desktop ProtocolVersion 3.889)
# expect: vnc | Apple Remote Desktop |  | protocol 3.889
SF-Port5900-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,C,"RFB\x20003\.889\n");
