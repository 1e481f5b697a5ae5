# source: hand-made from AMQP 0-9-1 4.2 (connection.start) with Apache Qpid C++ broker 1.39.0 server-properties
# expect: amqp | Apache Qpid C++ broker | 1.39.0 | 
SF-Port5672-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(amqp,5C,"\x01\0\0\0\0\0T\0\n\0\n\0\t\0\0\x008\x07productS\0\0\0\
SF:x05qpidd\x07versionS\0\0\0\x061\.39\.0\x08platformS\0\0\0\x05Linux\0\0\
SF:0\x05PLAIN\0\0\0\x05en_US\xce");
