# source: hand-made from the Zabbix 6.0 frontend login page
# expect: http | Zabbix web interface
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,134,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Wed,\x2025\x20N
SF:ov\x202026\x2019:31:07\x20GMT\r\nSet-Cookie:\x20zbx_session=abc;\x20pat
SF:h=/\r\nContent-Type:\x20text/html;\x20charset=UTF-8\r\nConnection:\x20c
SF:lose\r\n\r\n<!DOCTYPE\x20html>\n<html>\n<head>\n<meta\x20http-equiv=\"C
SF:ontent-Type\"\x20content=\"text/html;\x20charset=UTF-8\"\x20/>\n<title>
SF:zabbix\.example\.com:\x20Zabbix</title>\n</head></html>");
