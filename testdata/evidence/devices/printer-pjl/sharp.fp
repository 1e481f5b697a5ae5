# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "Sharp MX-NBX3 18-Mar-08 10:22" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | Sharp printer | | Sharp MX-NBX3
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,30,"@PJL\x20INFO\x20ID\r\n\"Sharp\x20MX-NBX3\x2018-Mar-
SF:08\x2010:22\"\r\n\x0c");
