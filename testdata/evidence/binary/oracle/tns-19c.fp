# source: hand-made from the TNS packet layout (ACCEPT carrying the version banner of Oracle 19c's listener)
# expect: oracle-tns | Oracle TNS listener | 19.0.0.0.0 | for Linux
SF-Port1521-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(oracle-tns,120,"\x01\x20\0\0\x02\0\0\0\x016\0\0\x7f\xff\x01\x02\
SF:0\x20AA\0\0\0\0\0\0\0\0\0\0TNSLSNR\x20for\x20Linux:\x20Version\x2019\.0
SF:\.0\.0\.0\x20-\x20Production\n\tTNS\x20for\x20Linux:\x20Version\x2019\.
SF:0\.0\.0\.0\x20-\x20Production\n\tUnix\x20Domain\x20Socket\x20IPC\x20NT\
SF:x20Protocol\x20Adaptor\x20for\x20Linux:\x20Version\x2019\.0\.0\.0\.0\x2
SF:0-\x20Production\n\tTCP/IP\x20NT\x20Protocol\x20Adapter\x20for\x20Linux
SF::\x20Version\x2019\.0\.0\.0\.0\x20-\x20Production,,");
