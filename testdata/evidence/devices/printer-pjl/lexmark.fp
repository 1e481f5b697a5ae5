# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "Lexmark C910" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | Lexmark printer | | Lexmark C910
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,1F,"@PJL\x20INFO\x20ID\r\n\"Lexmark\x20C910\"\r\n\x0c");
