# source: Debian 12 tor 0.4.9.11-0+deb12u1, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: tor-control | Tor control port | 0.4.9.11
SF-Port41051-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B155830%P=x86_64-pc-linux
SF:-gnu%r(GenericLines,1E,"514\x20Authentication\x20required\.\r\n")%r(Get
SF:Request,328,"HTTP/1\.0\x20501\x20Tor\x20ControlPort\x20is\x20not\x20an\
SF:x20HTTP\x20proxy\r\nContent-Type:\x20text/html;\x20charset=iso-8859-1\r
SF:\n\r\n<html>\n<head>\n<title>Tor's\x20ControlPort\x20is\x20not\x20an\x2
SF:0HTTP\x20proxy</title>\n</head>\n<body>\n<h1>Tor's\x20ControlPort\x20is
SF:\x20not\x20an\x20HTTP\x20proxy</h1>\n<p>\nIt\x20appears\x20you\x20have\
SF:x20configured\x20your\x20web\x20browser\x20to\x20use\x20Tor's\x20contro
SF:l\x20port\x20as\x20an\x20HTTP\x20proxy\.\nThis\x20is\x20not\x20correct:
SF:\x20Tor's\x20default\x20SOCKS\x20proxy\x20port\x20is\x209050\.\nPlease\
SF:x20configure\x20your\x20client\x20accordingly\.\n</p>\n<p>\nSee\x20<a\x
SF:20href=\"https://www\.torproject\.org/documentation\.html\">https://www
SF:\.torproject\.org/documentation\.html</a>\x20for\x20more\x20information
SF:\.\n<!--\x20Plus\x20this\x20comment,\x20to\x20make\x20the\x20body\x20re
SF:sponse\x20more\x20than\x20512\x20bytes,\x20so\x20\x20\x20\x20\x20\x20IE
SF:\x20will\x20be\x20willing\x20to\x20display\x20it\.\x20Comment\x20commen
SF:t\x20comment\x20comment\x20\x20\x20\x20\x20\x20comment\x20comment\x20co
SF:mment\x20comment\x20comment\x20comment\x20comment\x20comment\.-->\n</p>
SF:\n</body>\n</html>\n")%r(TorProtocolInfo,4F,"250-PROTOCOLINFO\x201\r\n2
SF:50-AUTH\x20METHODS=NULL\r\n250-VERSION\x20Tor=\"0\.4\.9\.11\"\r\n250\x2
SF:0OK\r\n");
