# source: hand-made: Kibana 6 redirecting / to its app; kbn-name is the header Kibana's server adds to every reply (its custom response headers: kbn-name, with kbn-version on 6.x API replies)
# expect: http | Kibana
SF-Port5601-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,D4,"HTTP/1\.1\x20302\x20Found\r\nlocation:\x20/app/kib
SF:ana\r\nkbn-name:\x20kibana\r\nkbn-xpack-sig:\x202e1f1b2f0c4a4bd0a3c6fbd
SF:5c1e3a7f9\r\ncache-control:\x20no-cache\r\ncontent-length:\x200\r\nDate
SF::\x20Mon,\x2007\x20Dec\x202026\x2010:00:00\x20GMT\r\nConnection:\x20clo
SF:se\r\n\r\n");
