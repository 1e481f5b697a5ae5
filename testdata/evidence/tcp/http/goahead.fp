# source: hand-made from GoAhead WebServer 2.5 response headers (Server: GoAhead-Webs)
# expect: http | GoAhead WebServer
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,135,"HTTP/1\.0\x20302\x20Redirect\r\nServer:\x20GoAhead
SF:-Webs\r\nDate:\x20Wed\x20Nov\x2025\x2019:31:07\x202026\r\nPragma:\x20no
SF:-cache\r\nCache-Control:\x20no-cache\r\nContent-Type:\x20text/html\r\nL
SF:ocation:\x20http://192\.0\.2\.1/index\.asp\r\n\r\n<html><head></head><b
SF:ody>This\x20document\x20has\x20moved\x20to\x20a\x20new\x20<a\x20href=\"
SF:http://192\.0\.2\.1/index\.asp\">location</a>\.</body></html>\r\n");
