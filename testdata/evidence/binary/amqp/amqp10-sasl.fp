# source: hand-made from OASIS AMQP 1.0 2.2 and 5.3.1 (SASL protocol header in answer to 0-9-1)
# expect: amqp |  |  | AMQP 1.0 with SASL
SF-Port5672-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(amqp,8,"AMQP\x03\x01\0\0");
