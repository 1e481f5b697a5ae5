# source: hand-made: Oracle WebLogic Server 12c's built-in error page for a URL no application serves (weblogic.servlet.internal.ErrorMessages: the "Error 404--Not Found" title and the citation "From RFC 2068 <i>Hypertext Transfer Protocol -- HTTP/1.1</i>:"); WebLogic 12c sends no Server header by default
# expect: http | Oracle WebLogic Server
SF-Port7001-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,376,"HTTP/1\.1\x20404\x20Not\x20Found\r\nDate:\x20Mon,
SF:\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nContent-Length:\x20762\r\nC
SF:ontent-Type:\x20text/html;\x20charset=UTF-8\r\n\r\n<!DOCTYPE\x20HTML\x2
SF:0PUBLIC\x20\"-//W3C//DTD\x20HTML\x204\.0\x20Draft//EN\">\n<HTML>\n<HEAD
SF:>\n<TITLE>Error\x20404--Not\x20Found</TITLE>\n</HEAD>\n<BODY\x20bgcolor
SF:=\"white\">\n<FONT\x20FACE=Helvetica><BR\x20CLEAR=all>\n<TABLE\x20borde
SF:r=0\x20cellspacing=5><TR><TD><BR\x20CLEAR=all>\n<FONT\x20FACE=\"Helveti
SF:ca\"\x20COLOR=\"black\"\x20SIZE=\"3\"><H2>Error\x20404--Not\x20Found</H
SF:2>\n</FONT></TD></TR>\n</TABLE>\n<TABLE\x20border=0\x20width=100%\x20ce
SF:llpadding=10><TR><TD\x20VALIGN=top\x20WIDTH=100%\x20BGCOLOR=white><FONT
SF:\x20FACE=\"Courier\x20New\"><FONT\x20FACE=\"Helvetica\"\x20SIZE=\"3\"><
SF:H3>From\x20RFC\x202068\x20<i>Hypertext\x20Transfer\x20Protocol\x20--\x2
SF:0HTTP/1\.1</i>:</H3>\n</FONT><FONT\x20FACE=\"Helvetica\"\x20SIZE=\"3\">
SF:<H4>10\.4\.5\x20404\x20Not\x20Found</H4>\n</FONT><P><FONT\x20FACE=\"Cou
SF:rier\x20New\">The\x20server\x20has\x20not\x20found\x20anything\x20match
SF:ing\x20the\x20Request-URI\.</FONT></P>\n</FONT></TD></TR>\n</TABLE>\n\n
SF:</BODY>\n</HTML>\n");
