# source: hand-made from the Modbus application protocol v1.1b3 6.21 (Read Device Identification, WAGO 750-8202 objects)
# expect: modbus | WAGO 750-8202 | 03.10.08(22) | 
SF-Port502-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-
SF:gnu%r(modbus-devid,49,"\0\x01\0\0\0C\0\+\x0e\x01\x01\0\0\x03\0!WAGO\x20
SF:Kontakttechnik\x20GmbH\x20&\x20Co\.\x20KG\x01\x08750-8202\x02\x0c03\.10
SF:\.08\(22\)");
