# source: hand-made: SharePoint Server 2016 on IIS 10 refusing an anonymous GET / (the MicrosoftSharePointTeamServices version header and the SPRequestGuid, X-SharePointHealthScore family of headers of [MS-WSSHP])
# expect: http | Microsoft SharePoint | 16.0.0.10337
SF-Port80-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-gn
SF:u%r(GetRequest,1F9,"HTTP/1\.1\x20401\x20Unauthorized\r\nContent-Type:\x
SF:20text/plain;\x20charset=utf-8\r\nServer:\x20Microsoft-IIS/10\.0\r\nSPR
SF:equestGuid:\x204c7a2ba1-10c3-d0cf-6b2b-7e4f1d0a9c55\r\nrequest-id:\x204
SF:c7a2ba1-10c3-d0cf-6b2b-7e4f1d0a9c55\r\nX-FRAME-OPTIONS:\x20SAMEORIGIN\r
SF:\nSPRequestDuration:\x204\r\nSPIisLatency:\x200\r\nWWW-Authenticate:\x2
SF:0NTLM\r\nX-Powered-By:\x20ASP\.NET\r\nMicrosoftSharePointTeamServices:\
SF:x2016\.0\.0\.10337\r\nX-Content-Type-Options:\x20nosniff\r\nX-MS-Invoke
SF:App:\x201;\x20RequireReadOnly\r\nDate:\x20Mon,\x2007\x20Dec\x202026\x20
SF:10:00:00\x20GMT\r\nContent-Length:\x2016\r\n\r\n401\x20UNAUTHORIZED");
