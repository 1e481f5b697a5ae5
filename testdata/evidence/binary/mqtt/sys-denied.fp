# source: hand-made from MQTT 3.1.1 3.2 and 3.9.3 (CONNACK accepted, SUBACK failure 0x80)
# expect: mqtt |  |  | SYS topics not readable
SF-Port1883-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(mqtt-sys-version,9,"\x20\x02\0\0\x90\x03\0\x01\x80");
