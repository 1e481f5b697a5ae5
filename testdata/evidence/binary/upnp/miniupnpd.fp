# source: hand-made from UPnP Device Architecture 1.1 1.3.3 (search response of miniupnpd 2.3.3 on OpenWrt)
# expect: upnp | MiniUPnP | 2.3.3 | OpenWrt/23.05.2
SF-Port1900-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(SSDPSearch,ED,"HTTP/1\.1\x20200\x20OK\r\nCACHE-CONTROL:\x20max-a
SF:ge=120\r\nST:\x20upnp:rootdevice\r\nUSN:\x20uuid:3e1b7c2a-1d2e-4f00-9a1
SF:b-0c0d0e0f1011::upnp:rootdevice\r\nEXT:\r\nSERVER:\x20OpenWrt/23\.05\.2
SF:\x20UPnP/1\.1\x20MiniUPnPd/2\.3\.3\r\nLOCATION:\x20http://192\.168\.1\.
SF:1:5000/rootDesc\.xml\r\n\r\n");
