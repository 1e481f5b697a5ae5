# source: hand-made from the X Window System Protocol, section 8 (connection setup Failed)
# expect: X11 |  |  | access denied
SF-Port6000-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(X11Probe,20,"\0\x16\x0b\0\0\0\x06\0No\x20protocol\x20specified\n
SF:\0\0");
