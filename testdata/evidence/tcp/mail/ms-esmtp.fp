# source: hand-made: Microsoft ESMTP banner with build, as in nmap run E2 port 31993 (docs/nmap-behaviour.md) (IIS SMTP service)
# expect: smtp | Microsoft ESMTP | 6.0.3790.3959
SF-Port25-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,76,"220\x20mail\.example\.com\x20Microsoft\x20ESMTP\x20MAIL\x
SF:20Service,\x20Version:\x206\.0\.3790\.3959\x20ready\x20at\x20\x20Wed,\x
SF:2025\x20Nov\x202026\x2019:31:07\x20\+0100\x20\r\n");
