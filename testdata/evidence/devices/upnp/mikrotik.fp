# source: hand-made: UPnP Device Architecture 1.1 M-SEARCH response (1.3.3) with SERVER: "RouterOS/6.43UPnP/1.0 MikroTik UPnP/1.0" as observed from the device (Rapid7 Recog xml/http_servers.xml example)
# expect: upnp | MikroTik RouterOS UPnP | 6.43 |
SF-Port1900-UDP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-
SF:gnu%r(SSDPSearch,EE,"HTTP/1\.1\x20200\x20OK\r\nCACHE-CONTROL:\x20max-ag
SF:e=1800\r\nEXT:\r\nLOCATION:\x20http://192\.0\.2\.10:1400/xml/device_des
SF:cription\.xml\r\nSERVER:\x20RouterOS/6\.43UPnP/1\.0\x20MikroTik\x20UPnP
SF:/1\.0\r\nST:\x20upnp:rootdevice\r\nUSN:\x20uuid:RINCON_000E58A0B1C20140
SF:0::upnp:rootdevice\r\n\r\n");
