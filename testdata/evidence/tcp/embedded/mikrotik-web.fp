# source: hand-made from the MikroTik RouterOS 6 WebFig landing page
# expect: http | MikroTik RouterOS web interface
SF-Port80-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-g
SF:nu%r(GetRequest,CC,"HTTP/1\.0\x20200\x20OK\r\nContent-Length:\x20102\r\
SF:nContent-Type:\x20text/html\r\nDate:\x20Wed,\x2025\x20Nov\x202026\x2019
SF::31:07\x20GMT\r\n\r\n<!doctype\x20html>\n<html\x20lang=en>\n<head>\n<ti
SF:tle>RouterOS\x20router\x20configuration\x20page</title>\n</head></html>
SF:");
