# source: hand-made from the ActiveMQ 5 STOMP transport ERROR frame
# expect: stomp | Apache ActiveMQ
SF-Port61613-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linu
SF:x-gnu%r(HELP4STOMP,95,"ERROR\ncontent-type:text/plain\nmessage:Unknown\
SF:x20STOMP\x20action:\x20HELP\n\norg\.apache\.activemq\.transport\.stomp\
SF:.ProtocolException:\x20Unknown\x20STOMP\x20action:\x20HELP\n\0");
