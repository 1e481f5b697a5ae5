# source: hand-made from HP LaserJet Pro embedded web server headers
# expect: http | HP printer http config | | HP LaserJet Pro M404dn; model W1A53A
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,C5,"HTTP/1\.1\x20200\x20OK\r\nServer:\x20HP\x20HTTP\x20
SF:Server;\x20HP\x20LaserJet\x20Pro\x20M404dn\x20-\x20W1A53A;\x20Serial\x2
SF:0Number:\x20PHBBB00000;\x20Built:\x20Wed\x20Jun\x2001,\x202022\x20V:002
SF:\.2222A\r\nContent-Type:\x20text/html\r\nConnection:\x20close\r\n\r\n<h
SF:tml></html>");
