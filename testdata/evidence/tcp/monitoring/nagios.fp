# source: hand-made from Nagios Core 4 default Apache config (Basic realm "Nagios Access")
# expect: http | Nagios
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,133,"HTTP/1\.1\x20401\x20Unauthorized\r\nDate:\x20Wed,\
SF:x2025\x20Nov\x202026\x2019:31:07\x20GMT\r\nWWW-Authenticate:\x20Basic\x
SF:20realm=\"Nagios\x20Access\"\r\nContent-Length:\x20109\r\nConnection:\x
SF:20close\r\nContent-Type:\x20text/html;\x20charset=iso-8859-1\r\n\r\n<!D
SF:OCTYPE\x20HTML\x20PUBLIC\x20\"-//IETF//DTD\x20HTML\x202\.0//EN\">\n<htm
SF:l><head><title>401\x20Unauthorized</title></head></html>\n");
