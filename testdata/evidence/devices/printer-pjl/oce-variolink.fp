# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "Oce VL3200:8C5-D92:Ver.B" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | Oce VarioLink printer | | Oce VL3200
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,2B,"@PJL\x20INFO\x20ID\r\n\"Oce\x20VL3200:8C5-D92:Ver\.
SF:B\"\r\n\x0c");
