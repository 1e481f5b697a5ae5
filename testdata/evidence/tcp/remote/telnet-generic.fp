# source: hand-made from RFC 854/1091 (IAC DO TERMINAL-TYPE, DO TSPEED, DO XDISPLOC, DO NEW-ENVIRON; pcre/testdata/corpus/hand-telnet-iac--NULL.bin)
# expect: telnet | |
SF-Port23-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(NULL,C,"\xff\xfd\x18\xff\xfd\x20\xff\xfd#\xff\xfd'");
