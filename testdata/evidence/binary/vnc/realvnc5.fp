# source: hand-made from RFC 6143 7.1.1 (RealVNC Server 5+ ProtocolVersion 5.0)
# expect: vnc | RealVNC | 5.0 or later | protocol 5.0
SF-Port5900-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(NULL,C,"RFB\x20005\.000\n");
