# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "HP 9250C Digital Sender" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | HP Digital Sender | | HP 9250C Digital Sender
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,2A,"@PJL\x20INFO\x20ID\r\n\"HP\x209250C\x20Digital\x20S
SF:ender\"\r\n\x0c");
