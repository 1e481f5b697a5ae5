# source: hand-made: the ICA detect string (0x7f 0x7f "ICA" 0x00) a Citrix XenApp/Virtual Apps server sends on a new ICA connection on port 1494 (ICA 3.0 protocol headers, ICA_DETECT_STRING)
# expect: citrix-ica | Citrix ICA
SF-Port1494-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(NULL,6,"\x7f\x7fICA\0");
