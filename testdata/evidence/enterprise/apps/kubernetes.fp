# source: hand-made: kube-apiserver refusing anonymous GET / with a meta/v1 Status object (Kubernetes API concepts, "Status" responses; the API priority and fairness headers X-Kubernetes-Pf-*)
# expect: ssl/http | Kubernetes API server
SF-Port6443-TCP:V=signet-0.1.0%T=SSL%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-
SF:linux-gnu%r(GetRequest,24F,"HTTP/1\.1\x20403\x20Forbidden\r\nAudit-Id:\
SF:x20d6b5822c-8379-4891-a48b-ae9f86cae2f4\r\nCache-Control:\x20no-cache,\
SF:x20private\r\nContent-Type:\x20application/json\r\nX-Content-Type-Optio
SF:ns:\x20nosniff\r\nX-Kubernetes-Pf-Flowschema-Uid:\x205cc8870e-1eb4-4444
SF:-9d35-b6e8343d41ce\r\nX-Kubernetes-Pf-Prioritylevel-Uid:\x2089dd198c-59
SF:fa-49d0-8f3c-6efdbe2ae2c6\r\nDate:\x20Mon,\x2007\x20Dec\x202026\x2010:0
SF:0:00\x20GMT\r\nContent-Length:\x20217\r\n\r\n{\n\x20\x20\"kind\":\x20\"
SF:Status\",\n\x20\x20\"apiVersion\":\x20\"v1\",\n\x20\x20\"metadata\":\x2
SF:0{},\n\x20\x20\"status\":\x20\"Failure\",\n\x20\x20\"message\":\x20\"fo
SF:rbidden:\x20User\x20\\\"system:anonymous\\\"\x20cannot\x20get\x20path\x
SF:20\\\"/\\\"\",\n\x20\x20\"reason\":\x20\"Forbidden\",\n\x20\x20\"detail
SF:s\":\x20{},\n\x20\x20\"code\":\x20403\n}");
