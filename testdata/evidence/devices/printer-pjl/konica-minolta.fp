# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "KM-5050" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | Konica Minolta printer | | KM-5050
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,1A,"@PJL\x20INFO\x20ID\r\n\"KM-5050\"\r\n\x0c");
