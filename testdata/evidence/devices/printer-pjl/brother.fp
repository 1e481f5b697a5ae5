# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "Brother HL-1660e" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | Brother printer | | Brother HL-1660e
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,23,"@PJL\x20INFO\x20ID\r\n\"Brother\x20HL-1660e\"\r\n\x
SF:0c");
