# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "Dell 2135cn MFP" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | Dell multifunction printer | | Dell 2135cn MFP
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,22,"@PJL\x20INFO\x20ID\r\n\"Dell\x202135cn\x20MFP\"\r\n
SF:\x0c");
