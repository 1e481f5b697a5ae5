# source: hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string "Samsung SCX-5835_5935 Series" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)
# expect: jetdirect | Samsung multifunction printer | | Samsung SCX-5835_5935 Series
SF-Port9100-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(PJLInfoID,2F,"@PJL\x20INFO\x20ID\r\n\"Samsung\x20SCX-5835_5935\x2
SF:0Series\"\r\n\x0c");
