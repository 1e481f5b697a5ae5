# source: Debian 12 mosquitto 2.0.11-1.2+deb12u2 (allow_anonymous true), captured on 127.0.0.1 with signet --version-record
# expect: mqtt | Mosquitto | 2.0.11 | 
SF-Port44516-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5A%P=x86_64-pc-linu
SF:x-gnu%r(mqtt-sys-version,38,"\x20\x02\0\0\x90\x03\0\x01\x001-\0\x13\$SY
SF:S/broker/versionmosquitto\x20version\x202\.0\.11");
