# source: Debian 12 amavisd-new 1:2.13.0-3+deb12u1, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: smtp | amavisd-new
SF-Port41124-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B15582B%P=x86_64-pc-linux
SF:-gnu%r(NULL,2C,"220\x20\[127\.0\.0\.1\]\x20ESMTP\x20amavis\x20service\x
SF:20ready\r\n");
