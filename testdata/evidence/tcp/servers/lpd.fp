# source: Debian 12 lpr 1:2008.05.17.3+nmu1, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: printer | BSD lpd |  | access denied
SF-Port41515-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B15582B%P=x86_64-pc-linux
SF:-gnu%r(NULL,35,"vm:\x20lpd:\x20Your\x20host\x20does\x20not\x20have\x20l
SF:ine\x20printer\x20access\n");
