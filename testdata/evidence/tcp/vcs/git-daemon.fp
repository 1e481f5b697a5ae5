# source: Debian 12 git 1:2.39.5-0+deb12u3 git daemon, captured on loopback
# expect: git | git daemon
SF-Port44009-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B96%P=x86_64-pc-linu
SF:x-gnu%r(GitUploadPack,33,"0033ERR\x20access\x20denied\x20or\x20reposito
SF:ry\x20not\x20exported:\x20/");
