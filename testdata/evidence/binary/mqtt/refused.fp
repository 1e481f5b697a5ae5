# source: hand-made from MQTT 3.1.1 3.2.2.3 (CONNACK return code 5, not authorized)
# expect: mqtt |  |  | connection refused, code 5
SF-Port1883-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(mqtt-sys-version,4,"\x20\x02\0\x05");
