# source: Debian 12 openjdk-17-jre-headless 17.0.15+6-1~deb12u1 rmiregistry, captured on 127.0.0.1 with signet --version-record
# expect: java-rmi | Java RMI |  | client seen as 127.0.0.1
SF-Port44529-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B5A%P=x86_64-pc-linu
SF:x-gnu%r(JavaRMI,10,"N\0\t127\.0\.0\.1\0\0\xbc\x1a");
