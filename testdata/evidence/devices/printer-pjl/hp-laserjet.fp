# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "HP LaserJet 4100 Series" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | HP LaserJet printer | | HP LaserJet 4100 Series
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,2A,"@PJL\x20INFO\x20ID\r\n\"HP\x20LaserJet\x204100\x20S
SF:eries\"\r\n\x0c");
