# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "Xerox ColorQube 8570DN" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | Xerox ColorQube printer | | Xerox ColorQube 8570DN
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,29,"@PJL\x20INFO\x20ID\r\n\"Xerox\x20ColorQube\x208570D
SF:N\"\r\n\x0c");
