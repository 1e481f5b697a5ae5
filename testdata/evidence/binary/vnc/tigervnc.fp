# source: Debian 12 tigervnc-standalone-server 1.12.0+dfsg-8 Xvnc, captured on 127.0.0.1 with signet --version-record
# expect: vnc | VNC |  | protocol 3.8
SF-Port44514-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B58%P=x86_64-pc-linu
SF:x-gnu%r(NULL,C,"RFB\x20003\.008\n");
