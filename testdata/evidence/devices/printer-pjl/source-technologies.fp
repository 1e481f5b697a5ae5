# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "Source Technologies ST-9620" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | Source Technologies printer | | Source Technologies ST-9620
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,2E,"@PJL\x20INFO\x20ID\r\n\"Source\x20Technologies\x20S
SF:T-9620\"\r\n\x0c");
