# source: hand-made: Neo4j 4.x HTTP discovery document at / (Neo4j HTTP API manual, "Discovery API": bolt_routing, transaction, bolt_direct, neo4j_version, neo4j_edition)
# expect: http | Neo4j | 4.4.26 | community edition
SF-Port7474-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-
SF:gnu%r(GetRequest,174,"HTTP/1\.1\x20200\x20OK\r\nDate:\x20Mon,\x2007\x20
SF:Dec\x202026\x2010:00:00\x20GMT\r\nAccess-Control-Allow-Origin:\x20\*\r\
SF:nContent-Type:\x20application/json\r\nVary:\x20Accept\r\nContent-Length
SF::\x20217\r\n\r\n{\n\x20\x20\"bolt_routing\"\x20:\x20\"neo4j://localhost
SF::7687\",\n\x20\x20\"transaction\"\x20:\x20\"http://localhost:7474/db/{d
SF:atabaseName}/tx\",\n\x20\x20\"bolt_direct\"\x20:\x20\"bolt://localhost:
SF:7687\",\n\x20\x20\"neo4j_version\"\x20:\x20\"4\.4\.26\",\n\x20\x20\"neo
SF:4j_edition\"\x20:\x20\"community\"\n}");
