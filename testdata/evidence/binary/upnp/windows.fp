# source: hand-made from UPnP Device Architecture 1.1 1.3.3 (Windows UPnP Device Host)
# expect: upnp | Microsoft Windows UPnP Device Host |  | Windows 10.0
SF-Port1900-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(SSDPSearch,F9,"HTTP/1\.1\x20200\x20OK\r\nCACHE-CONTROL:\x20max-a
SF:ge=120\r\nST:\x20upnp:rootdevice\r\nUSN:\x20uuid:3e1b7c2a-1d2e-4f00-9a1
SF:b-0c0d0e0f1011::upnp:rootdevice\r\nEXT:\r\nSERVER:\x20Microsoft-Windows
SF:/10\.0\x20UPnP/1\.0\x20UPnP-Device-Host/1\.0\r\nLOCATION:\x20http://192
SF:\.168\.1\.1:5000/rootDesc\.xml\r\n\r\n");
