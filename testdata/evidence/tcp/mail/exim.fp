# source: hand-made from exim's default smtp_banner (Debian exim4 4.96-15, "#2" build number)
# expect: smtp | Exim smtpd | 4.96
SF-Port25-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,49,"220\x20mail\.example\.org\x20ESMTP\x20Exim\x204\.96\x20#2
SF:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20\+0000\r\n");
