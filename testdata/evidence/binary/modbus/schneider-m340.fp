# source: hand-made from the Modbus application protocol v1.1b3 6.21 (Read Device Identification, Modicon M340 objects)
# expect: modbus | Schneider Electric BMX P34 2020 | v2.7 | 
SF-Port502-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(modbus-devid,36,"\0\x01\0\0\x000\0\+\x0e\x01\x01\0\0\x03\0\x12Sch
SF:neider\x20Electric\x01\x0cBMX\x20P34\x202020\x02\x04v2\.7");
