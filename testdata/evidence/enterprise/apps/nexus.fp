# source: hand-made: Sonatype Nexus Repository 3 landing page with its Server header "Nexus/<version> (OSS)" as its replies carry it
# expect: http | Sonatype Nexus Repository Manager | 3.61.0-02 | OSS
SF-Port8081-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,1BA,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Mon,\x2007\x20
SF:Dec\x202026\x2010:00:00\x20GMT\r\nServer:\x20Nexus/3\.61\.0-02\x20\(OSS
SF:\)\r\nX-Content-Type-Options:\x20nosniff\r\nContent-Security-Policy:\x2
SF:0sandbox\x20allow-forms\x20allow-modals\x20allow-popups\x20allow-presen
SF:tation\x20allow-scripts\x20allow-top-navigation\r\nX-XSS-Protection:\x2
SF:01;\x20mode=block\r\nContent-Type:\x20text/html\r\nContent-Length:\x201
SF:17\r\n\r\n<html>\n<head><title>Nexus\x20Repository\x20Manager</title></
SF:head>\n<body>\n<h1>Nexus\x20Repository\x20Manager</h1>\n</body>\n</html
SF:>\n");
