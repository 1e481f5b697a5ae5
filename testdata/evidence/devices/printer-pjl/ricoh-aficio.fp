# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "RICOH Aficio AP610N" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | Ricoh Aficio printer | | RICOH Aficio AP610N
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,26,"@PJL\x20INFO\x20ID\r\n\"RICOH\x20Aficio\x20AP610N\"
SF:\r\n\x0c");
