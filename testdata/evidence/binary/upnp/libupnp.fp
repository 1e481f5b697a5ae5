# source: hand-made from UPnP Device Architecture 1.1 1.3.3 (libupnp 1.14.18 SERVER string)
# expect: upnp | Portable SDK for UPnP devices | 1.14.18 | Linux/6.1.0
SF-Port1900-UDP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(SSDPSearch,101,"HTTP/1\.1\x20200\x20OK\r\nCACHE-CONTROL:\x20max-
SF:age=120\r\nST:\x20upnp:rootdevice\r\nUSN:\x20uuid:3e1b7c2a-1d2e-4f00-9a
SF:1b-0c0d0e0f1011::upnp:rootdevice\r\nEXT:\r\nSERVER:\x20Linux/6\.1\.0,\x
SF:20UPnP/1\.0,\x20Portable\x20SDK\x20for\x20UPnP\x20devices/1\.14\.18\r\n
SF:LOCATION:\x20http://192\.168\.1\.1:5000/rootDesc\.xml\r\n\r\n");
