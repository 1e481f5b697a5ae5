# source: hand-made from ASHRAE 135 15.7 (ReadPropertyMultiple ComplexACK of a Johnson Controls NAE)
# expect: bacnet | Johnson Controls NAE55 | 10.1.0.1225 | device 101
SF-Port47808-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linu
SF:x-gnu%r(bacnet-rpm,56,"\x81\n\0V\x01\x000\x01\x0e\x0c\x02\0\0e\x1e\)yNu
SF:\x17\0Johnson\x20Controls,\x20Inc\.O\)FNu\x06\0NAE55O\),Nu\x0c\x0010\.1
SF:\.0\.1225O\)\x0cNu\x05\x0010\.1O\x1f");
