# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "HP Color LaserJet CP3525" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | HP LaserJet printer | | HP Color LaserJet CP3525
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,2B,"@PJL\x20INFO\x20ID\r\n\"HP\x20Color\x20LaserJet\x20
SF:CP3525\"\r\n\x0c");
