# source: hand-made from ASHRAE 135 15.7 (ReadPropertyMultiple ComplexACK of a Siemens PXC controller)
# expect: bacnet | Siemens Building Technologies PXC100-E.D | FW=04.00.190 | device 2098177
SF-Port47808-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linu
SF:x-gnu%r(bacnet-rpm,68,"\x81\n\0h\x01\x000\x01\x0e\x0c\x02\x20\x04\x01\x
SF:1e\)yNu\x1e\0Siemens\x20Building\x20TechnologiesO\)FNu\x0b\0PXC100-E\.D
SF:O\),Nu\r\0FW=04\.00\.190O\)\x0cNu\n\x0004\.00\.190O\x1f");
