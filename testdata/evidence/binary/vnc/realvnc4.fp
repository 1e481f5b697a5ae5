# source: hand-made from RFC 6143 7.1.1 (RealVNC Enterprise 4.x ProtocolVersion 4.1)
# expect: vnc | RealVNC Enterprise | 4.x | protocol 4.1
SF-Port5900-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,C,"RFB\x20004\.001\n");
