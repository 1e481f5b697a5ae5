# source: hand-made from sendmail's default SmtpGreetingMessage ($j Sendmail $v/$Z; $b)
# expect: smtp | Sendmail | 8.17.1 | config 8.17.1
SF-Port25-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,52,"220\x20mail\.example\.org\x20ESMTP\x20Sendmail\x208\.17\.
SF:1/8\.17\.1;\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\n");
