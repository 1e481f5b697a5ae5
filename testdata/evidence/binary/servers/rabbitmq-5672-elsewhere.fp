# source: Debian 12 rabbitmq-server 3.10.8-1.1+deb12u1, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: amqp | RabbitMQ | 3.10.8
SF-Port41672-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B155C94%P=x86_64-pc-linux
SF:-gnu%r(amqp,1F9,"\x01\0\0\0\0\x01\xf1\0\n\0\n\0\t\0\0\x01\xcc\x0ccapabi
SF:litiesF\0\0\0\xc7\x12publisher_confirmst\x01\x1aexchange_exchange_bindi
SF:ngst\x01\nbasic\.nackt\x01\x16consumer_cancel_notifyt\x01\x12connection
SF:\.blockedt\x01\x13consumer_prioritiest\x01\x1cauthentication_failure_cl
SF:oset\x01\x10per_consumer_qost\x01\x0fdirect_reply_tot\x01\x0ccluster_na
SF:meS\0\0\0\ntestbed@vm\tcopyrightS\0\0\x007Copyright\x20\(c\)\x202007-20
SF:22\x20VMware,\x20Inc\.\x20or\x20its\x20affiliates\.\x0binformationS\0\0
SF:\x009Licensed\x20under\x20the\x20MPL\x202\.0\.\x20Website:\x20https://r
SF:abbitmq\.com\x08platformS\0\0\0\x11Erlang/OTP\x2025\.2\.3\x07productS\0
SF:\0\0\x08RabbitMQ\x07versionS\0\0\0\x063\.10\.8\0\0\0\x0eAMQPLAIN\x20PLA
SF:IN\0\0\0\x05en_US\xce");
