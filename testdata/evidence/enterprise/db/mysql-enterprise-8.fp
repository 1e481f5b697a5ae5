# source: hand-made: MySQL protocol HandshakeV10 with the server version 8.0.35-commercial (MySQL Enterprise Edition marks its builds "-commercial" in VERSION(); 8.0 defaults to caching_sha2_password)
# expect: mysql | MySQL Enterprise | 8.0.35
SF-Port3306-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(NULL,59,"U\0\0\0\n8\.0\.35-commercial\x003\x07\0\0Kx3#p9Qa\0\xff\
SF:xff\xff\x02\0\xff\xdf\x15\0\0\0\0\0\0\0\0\0\x007vL%2sQe0wZr\0caching_sh
SF:a2_password\0");
