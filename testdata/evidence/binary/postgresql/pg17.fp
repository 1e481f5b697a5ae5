# source: hand-made from the PostgreSQL protocol doc 55.8 (ErrorResponse of PostgreSQL 17, backend_startup.c)
# expect: postgresql | PostgreSQL DB | 17 | 
SF-Port5432-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(SMBProgNeg,90,"E\0\0\0\x8fSFATAL\0VFATAL\0C0A000\0Munsupported\x
SF:20frontend\x20protocol\x2065363\.19778:\x20server\x20supports\x203\.0\x
SF:20to\x203\.0\0Fbackend_startup\.c\0L521\0RProcessStartupPacket\0\0");
