# source: hand-made from Ubuntu's postfix smtpd_banner default ("$myhostname ESMTP $mail_name (Ubuntu)")
# expect: smtp | Postfix smtpd
SF-Port25-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,2B,"220\x20mx\.example\.org\x20ESMTP\x20Postfix\x20\(Ubuntu\)
SF:\r\n");
