# source: hand-made: the TeamSpeak 3 ServerQuery greeting on port 10011 (TeamSpeak 3 Server Query Manual: "TS3" then the welcome line, lines ended by LF CR)
# expect: teamspeak3 | TeamSpeak 3 ServerQuery
SF-Port10011-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux
SF:-gnu%r(NULL,97,"TS3\n\rWelcome\x20to\x20the\x20TeamSpeak\x203\x20Server
SF:Query\x20interface,\x20type\x20\"help\"\x20for\x20a\x20list\x20of\x20co
SF:mmands\x20and\x20\"help\x20<command>\"\x20for\x20information\x20on\x20a
SF:\x20specific\x20command\.\n\r");
