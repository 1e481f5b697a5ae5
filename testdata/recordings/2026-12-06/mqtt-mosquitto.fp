# recorded by signet 0.1.0 from 127.0.0.1 port 41883/tcp on 2026-12-06T12:39:53Z
# source: Debian 12 mosquitto 2.0.11-1.2+deb12u2 on the loopback testbed (testbed/testbed.sh, id mqtt-mosquitto), recorded 2026-12-06 with signet --version-record
# expect: mqtt | *
SF-Port41883-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B155799%P=x86_64-pc-linux
SF:-gnu%r(mqtt-sys-version,38,"\x20\x02\0\0\x90\x03\0\x01\x001-\0\x13\$SYS
SF:/broker/versionmosquitto\x20version\x202\.0\.11");
