# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "Dell Laser Printer 1710n" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | Dell laser printer | | Dell Laser Printer 1710n
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,2B,"@PJL\x20INFO\x20ID\r\n\"Dell\x20Laser\x20Printer\x2
SF:01710n\"\r\n\x0c");
