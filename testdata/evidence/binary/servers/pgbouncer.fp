# source: Debian 12 pgbouncer 1.18.0-1+deb12u1, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: pgbouncer | PgBouncer
SF-Port41643-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B155830%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,3E,"E\0\0\0=SFATAL\0C08P01\0Mclient\x20sent\x20partia
SF:l\x20pkt\x20in\x20startup\x20phase\0\0");
