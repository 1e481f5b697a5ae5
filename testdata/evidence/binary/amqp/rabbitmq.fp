# source: Debian 12 rabbitmq-server 3.10.8-1.1+deb12u1 (erlang 25.2.3), captured on 127.0.0.1 with signet --version-record
# expect: amqp | RabbitMQ | 3.10.8 | Erlang/OTP 25.2.3
SF-Port44517-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B9F%P=x86_64-pc-linu
SF:x-gnu%r(amqp,1F8,"\x01\0\0\0\0\x01\xf0\0\n\0\n\0\t\0\0\x01\xcb\x0ccapab
SF:ilitiesF\0\0\0\xc7\x12publisher_confirmst\x01\x1aexchange_exchange_bind
SF:ingst\x01\nbasic\.nackt\x01\x16consumer_cancel_notifyt\x01\x12connectio
SF:n\.blockedt\x01\x13consumer_prioritiest\x01\x1cauthentication_failure_c
SF:loset\x01\x10per_consumer_qost\x01\x0fdirect_reply_tot\x01\x0ccluster_n
SF:ameS\0\0\0\trabbit@vm\tcopyrightS\0\0\x007Copyright\x20\(c\)\x202007-20
SF:22\x20VMware,\x20Inc\.\x20or\x20its\x20affiliates\.\x0binformationS\0\0
SF:\x009Licensed\x20under\x20the\x20MPL\x202\.0\.\x20Website:\x20https://r
SF:abbitmq\.com\x08platformS\0\0\0\x11Erlang/OTP\x2025\.2\.3\x07productS\0
SF:\0\0\x08RabbitMQ\x07versionS\0\0\0\x063\.10\.8\0\0\0\x0eAMQPLAIN\x20PLA
SF:IN\0\0\0\x05en_US\xce");
