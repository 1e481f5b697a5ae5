# source: hand-made: the legacy server response "ncacn_http/1.0" of the RPC over HTTP endpoint mapper ([MS-RPCH], the legacy server response; Windows servers send it on port 593 and on the RPC over HTTP endpoints)
# expect: ncacn_http | Microsoft Windows RPC over HTTP | 1.0 | legacy server response
SF-Port593-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-g
SF:nu%r(NULL,E,"ncacn_http/1\.0");
