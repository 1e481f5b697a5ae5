# source: Debian 12 mpd 0.23.12-1+b1, captured on loopback
# expect: mpd | Music Player Daemon | | protocol 0.23.5
SF-Port44008-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B6E%P=x86_64-pc-linu
SF:x-gnu%r(NULL,E,"OK\x20MPD\x200\.23\.5\n")%r(GenericLines,E,"OK\x20MPD\x
SF:200\.23\.5\n")%r(GetRequest,E,"OK\x20MPD\x200\.23\.5\n")%r(HTTPOptions,
SF:E,"OK\x20MPD\x200\.23\.5\n")%r(RTSPRequest,E,"OK\x20MPD\x200\.23\.5\n")
SF:%r(Hello,E,"OK\x20MPD\x200\.23\.5\n")%r(Help,E,"OK\x20MPD\x200\.23\.5\n
SF:")%r(FourOhFourRequest,E,"OK\x20MPD\x200\.23\.5\n")%r(redis-server,E,"O
SF:K\x20MPD\x200\.23\.5\n")%r(Memcache,6B,"OK\x20MPD\x200\.23\.5\nuptime:\
SF:x2022\nplaytime:\x200\nartists:\x200\nalbums:\x200\nsongs:\x200\ndb_pla
SF:ytime:\x200\ndb_update:\x201795636054\nOK\n")%r(IRCRegister,E,"OK\x20MP
SF:D\x200\.23\.5\n")%r(XMPPStream,E,"OK\x20MPD\x200\.23\.5\n")%r(HELP4STOM
SF:P,E,"OK\x20MPD\x200\.23\.5\n")%r(GitUploadPack,E,"OK\x20MPD\x200\.23\.5
SF:\n")%r(VersionCommand,35,"OK\x20MPD\x200\.23\.5\nACK\x20\[5@0\]\x20{}\x
SF:20unknown\x20command\x20\"version\"\n");
