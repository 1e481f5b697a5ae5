# source: hand-made from the PostgreSQL protocol doc (ErrorResponse without the V field, before 9.6)
# expect: postgresql | PostgreSQL DB | before 9.6 | 
SF-Port5432-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(SMBProgNeg,85,"E\0\0\0\x84SFATAL\0C0A000\0Munsupported\x20fronte
SF:nd\x20protocol\x2065363\.19778:\x20server\x20supports\x201\.0\x20to\x20
SF:3\.0\0Fpostmaster\.c\0L1932\0RProcessStartupPacket\0\0");
