package main

// SSDP answers (UPnP Device Architecture 1.1, 1.3.3) of media players,
// NAS and routers by their SERVER value, and a few more web interfaces of
// media and building devices, as Rapid7 Recog's xml/http_servers.xml
// examples record the values.
func init() {
	ssdp := func(name, server, expect string) devCase {
		return devCase{dir: "upnp", name: name, port: 1900, udp: true, expect: expect,
			source:  "hand-made: UPnP Device Architecture 1.1 M-SEARCH response (1.3.3) with SERVER: \"" + server + "\" as observed from the device (" + recog("http_servers.xml") + ")",
			replies: []reply{r("SSDPSearch", ssdpReply(server, "http://192.0.2.10:1400/xml/device_description.xml", "RINCON_000E58A0B1C201400"))}}
	}
	srv := func(name, server, expect string) devCase {
		return one("http", name, 80, "GetRequest", httpServer(server, "Home"),
			"hand-made: RFC 9112 response to GET / with Server: \""+server+"\" as observed from the device ("+recog("http_servers.xml")+")", expect)
	}
	add(
		ssdp("sonos", "Linux UPnP/1.0 Sonos/57.3-79200 (ZPS9)", "upnp | Sonos UPnP | 57.3-79200 | ZPS9"),
		ssdp("roku", "Roku/9.2.0 UPnP/1.0 Roku/9.2.0", "upnp | Roku UPnP | 9.2.0 |"),
		ssdp("synology", "Synology/DSM/192.168.1.100", "upnp | Synology DSM UPnP | |"),
		ssdp("mikrotik", "RouterOS/6.43UPnP/1.0 MikroTik UPnP/1.0", "upnp | MikroTik RouterOS UPnP | 6.43 |"),
		ssdp("huawei-atp", "Linux UPnP/1.0 Huawei-ATP-IGD", "upnp | Huawei ATP UPnP | |"),
		ssdp("brcm400", "LINUX/2.4 UPnP/1.0 BRCM400/1.0", "upnp | Broadcom BRCM400 UPnP | 1.0 |"),
		ssdp("tplink", "ipos/7.0 UPnP/1.0 TL-WR841N/8.0", "upnp | TP-LINK router UPnP | | TL-WR841N 8.0"),
		srv("yamaha-receiver", "AV_Receiver/3.1 (RX-V675)", "http | Yamaha AV receiver httpd | 3.1 | RX-V675"),
		srv("sony-str", "STR_SettingServer", "http | Sony STR receiver httpd | |"),
		srv("extron-mlc", "MLC 104 IP PLUS/1.03", "http | Extron MediaLink controller httpd | 1.03 | MLC 104 IP PLUS"),
		srv("elan", "ELAN Controller", "http | ELAN controller httpd | |"),
	)
}
