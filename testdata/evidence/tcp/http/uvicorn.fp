# source: Debian 12 python3-uvicorn 0.17.6-1, captured on loopback
# expect: http | Uvicorn
SF-Port44021-TCP:V=signet-0.1.0%I=9%D=11/25%Time=6B073B72%P=x86_64-pc-linu
SF:x-gnu%r(GenericLines,76,"HTTP/1\.1\x20400\x20Bad\x20Request\r\ncontent-
SF:type:\x20text/plain;\x20charset=utf-8\r\nConnection:\x20close\r\n\r\nIn
SF:valid\x20HTTP\x20request\x20received\.")%r(GetRequest,7D,"HTTP/1\.1\x20
SF:200\x20OK\r\ndate:\x20Wed,\x2025\x20Nov\x202026\x2019:47:59\x20GMT\r\ns
SF:erver:\x20uvicorn\r\ncontent-type:\x20text/plain\r\nConnection:\x20clos
SF:e\r\n\r\nsignet\n")%r(HTTPOptions,7D,"HTTP/1\.1\x20200\x20OK\r\ndate:\x
SF:20Wed,\x2025\x20Nov\x202026\x2019:47:59\x20GMT\r\nserver:\x20uvicorn\r\
SF:ncontent-type:\x20text/plain\r\nConnection:\x20close\r\n\r\nsignet\n")%
SF:r(RTSPRequest,76,"HTTP/1\.1\x20400\x20Bad\x20Request\r\ncontent-type:\x
SF:20text/plain;\x20charset=utf-8\r\nConnection:\x20close\r\n\r\nInvalid\x
SF:20HTTP\x20request\x20received\.")%r(FourOhFourRequest,7D,"HTTP/1\.1\x20
SF:200\x20OK\r\ndate:\x20Wed,\x2025\x20Nov\x202026\x2019:47:59\x20GMT\r\ns
SF:erver:\x20uvicorn\r\ncontent-type:\x20text/plain\r\nConnection:\x20clos
SF:e\r\n\r\nsignet\n")%r(HELP4STOMP,76,"HTTP/1\.1\x20400\x20Bad\x20Request
SF:\r\ncontent-type:\x20text/plain;\x20charset=utf-8\r\nConnection:\x20clo
SF:se\r\n\r\nInvalid\x20HTTP\x20request\x20received\.");
