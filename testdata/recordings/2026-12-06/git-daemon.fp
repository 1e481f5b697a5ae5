# recorded by signet 0.1.0 from 127.0.0.1 port 41418/tcp on 2026-12-06T12:39:52Z
# source: Debian 12 git 1:2.39.5-0+deb12u3 on the loopback testbed (testbed/testbed.sh, id git-daemon), recorded 2026-12-06 with signet --version-record
# expect: git | git
SF-Port41418-TCP:V=signet-0.1.0%I=9%D=12/6%Time=6B155798%P=x86_64-pc-linux
SF:-gnu%r(GitUploadPack,1D,"001dERR\x20no\x20such\x20repository:\x20/");
