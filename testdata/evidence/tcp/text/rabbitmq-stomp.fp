# source: hand-made from the RabbitMQ 3.12 STOMP plugin ERROR frame (STOMP 1.2)
# expect: stomp | RabbitMQ STOMP | 3.12.10
SF-Port61613-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linu
SF:x-gnu%r(HELP4STOMP,71,"ERROR\nserver:RabbitMQ/3\.12\.10\ncontent-type:t
SF:ext/plain\nversion:1\.0,1\.1,1\.2\ncontent-length:0\nmessage:Bad\x20CON
SF:NECT\n\n\0");
