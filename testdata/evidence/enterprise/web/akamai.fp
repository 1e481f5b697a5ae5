# source: hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours
# expect: http | Akamai GHost
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,F9,"HTTP/1\.1\x20400\x20Bad\x20Request\r\nDate:\x20Mon,\
SF:x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nServer:\x20AkamaiGHost\r\nCo
SF:ntent-Type:\x20text/html\r\nContent-Length:\x2099\r\nConnection:\x20clo
SF:se\r\n\r\n<html>\n<head><title>400\x20Bad\x20Request</title></head>\n<b
SF:ody>\n<h1>400\x20Bad\x20Request</h1>\n</body>\n</html>\n");
