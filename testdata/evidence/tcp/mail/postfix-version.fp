# source: hand-made from postconf(5) smtpd_banner with $mail_version
# expect: smtp | Postfix smtpd | 3.8.4
SF-Port25-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,2A,"220\x20mx\.example\.org\x20ESMTP\x20Postfix\x20\(3\.8\.4\
SF:)\r\n");
