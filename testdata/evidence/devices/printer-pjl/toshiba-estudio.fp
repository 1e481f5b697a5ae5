# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "TOSHIBA e-STUDIO350 V468Z 20061013" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | Toshiba e-STUDIO printer | | TOSHIBA e-STUDIO350
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,35,"@PJL\x20INFO\x20ID\r\n\"TOSHIBA\x20e-STUDIO350\x20V
SF:468Z\x2020061013\"\r\n\x0c");
