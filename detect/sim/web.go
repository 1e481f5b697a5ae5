package sim

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
)

// webPage is one page of a simulated web server.
type webPage struct {
	ctype, body string
}

// webServer answers HTTP/1 requests from pages by path (GET, HEAD and
// POST alike), 404 for the rest, with the Server header given (none when
// empty).
func webServer(server string, pages map[string]webPage) func(net.Conn) {
	return func(c net.Conn) {
		br := bufio.NewReader(io.LimitReader(c, 1<<20))
		for range 8 {
			req, err := http.ReadRequest(br)
			if err != nil {
				return
			}
			io.Copy(io.Discard, io.LimitReader(req.Body, 64<<10))
			status, page := "200 OK", webPage{}
			if p, ok := pages[req.URL.Path]; ok {
				page = p
			} else {
				status, page = "404 Not Found", webPage{"text/html", "<html><body><h1>404 Not Found</h1></body></html>\n"}
			}
			body := page.body
			if req.Method == "HEAD" {
				body = ""
			}
			var h strings.Builder
			fmt.Fprintf(&h, "HTTP/1.1 %s\r\nDate: Sun, 06 Dec 2026 12:00:00 GMT\r\n", status)
			if server != "" {
				fmt.Fprintf(&h, "Server: %s\r\n", server)
			}
			fmt.Fprintf(&h, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", page.ctype, len(page.body))
			c.Write([]byte(h.String() + body))
			if req.Close {
				return
			}
		}
	}
}

func init() {
	// HNAP 1.x (Pure Networks' Home Network Administration Protocol, the
	// "HNAP Protocol White Paper"): GET /HNAP1/ answers the
	// GetDeviceSettings SOAP response without authentication.
	hnap := `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
<soap:Body>
<GetDeviceSettingsResponse xmlns="http://purenetworks.com/HNAP1/">
<GetDeviceSettingsResult>OK</GetDeviceSettingsResult>
<Type>GatewayWithWiFi</Type>
<DeviceName>DIR-868L</DeviceName>
<VendorName>D-Link</VendorName>
<ModelDescription>Wireless AC1750 Dual Band Gigabit Cloud Router</ModelDescription>
<ModelName>DIR-868L</ModelName>
<FirmwareVersion>2.05, 2015/06/10</FirmwareVersion>
<PresentationURL>/</PresentationURL>
<SOAPActions>
<string>http://purenetworks.com/HNAP1/GetDeviceSettings</string>
<string>http://purenetworks.com/HNAP1/IsDeviceReady</string>
<string>http://purenetworks.com/HNAP1/Login</string>
</SOAPActions>
<SubDeviceURLs></SubDeviceURLs>
<Tasks></Tasks>
</GetDeviceSettingsResponse>
</soap:Body>
</soap:Envelope>
`
	Devices["hnap"] = Device{Doc: "D-Link DIR-868L router web server answering HNAP GetDeviceSettings at /HNAP1/ (80/tcp)", TCP: webServer("lighttpd/1.4.34", map[string]webPage{
		"/":       {"text/html", "<html><head><title>D-LINK</title></head><body></body></html>\n"},
		"/HNAP1/": {"text/xml; charset=utf-8", hnap},
	})}
	// McAfee Agent (ePolicy Orchestrator's agent): its wake-up port serves
	// the agent's activity log, an naLog XML document whose head names
	// the agent version, the computer, the ePO server and the agent GUID.
	nalog := `<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="FrameworkLog.xsl"?>
<naLog>
<version>5.7.9.182</version>
<ComputerName>WS-ACCT-042</ComputerName>
<ePOServerName>EPO01</ePOServerName>
<AgentGUID>{6F1C2B3A-9D4E-4F11-8A2B-3C4D5E6F7081}</AgentGUID>
<Log component="Agent" time="2026-12-06T11:58:01" type="Info">Agent started</Log>
</naLog>
`
	Devices["mcafee-agent"] = Device{Doc: "McAfee Agent 5.7 wake-up port serving its naLog activity log (8081/tcp)", TCP: webServer("", map[string]webPage{
		"/": {"text/xml", nalog},
	})}
	Devices["hnap-noserver"] = Device{Doc: "HNAP router web server without a Server header (8080/tcp)", TCP: webServer("", map[string]webPage{
		"/":       {"text/html", "<html><head><title>Router</title></head><body></body></html>\n"},
		"/HNAP1/": {"text/xml; charset=utf-8", hnap},
	})}
	// Trane Tracer SC: an oBIX server (OASIS oBIX 1.1) under /evox; its
	// About object (obix:About) names the server, vendor, product and
	// version, and Trane adds its kernel and hardware.
	about := `<?xml version="1.0" encoding="UTF-8"?>
<obj href="/evox/about" is="obix:About">
  <str name="obixVersion" val="1.0"/>
  <str name="serverName" val="TracerSC-Plant3"/>
  <abstime name="serverTime" val="2026-12-06T07:00:00-05:00"/>
  <abstime name="serverBootTime" val="2026-11-20T02:06:39-05:00"/>
  <str name="vendorName" val="Trane"/>
  <uri name="vendorUrl" val="http://www.trane.com"/>
  <str name="productName" val="Tracer SC"/>
  <str name="productVersion" val="v4.40.1211 (release)"/>
  <str name="kernelVersion" val="2.6.30_HwVer12AB-hydra"/>
  <str name="hardwareType" val="HwVer12AB"/>
  <str name="hardwareSerialNumber" val="E12A00412"/>
</obj>
`
	summary := `<?xml version="1.0" encoding="UTF-8"?>
<obj href="/evox/equipment/installedSummary" is="obix:List">
  <list name="equipment" of="obix:obj">
    <obj>
      <bool name="isOffline" val="false"/>
      <uri name="equipmentUri" val="/equipment/dac/generic/1"/>
      <str name="displayName" val="AHU-01"/>
      <str name="equipmentFamily" val="AirHandler"/>
      <str name="roleDocument" val="AHU_VAV"/>
      <str name="deviceName" val="AHU-01"/>
    </obj>
  </list>
</obj>
`
	Devices["trane"] = Device{Doc: "Trane Tracer SC building controller: oBIX /evox/about (80/tcp)", TCP: webServer("", map[string]webPage{
		"/":                                {"text/html", "<html><head><title>Tracer SC</title></head><body></body></html>\n"},
		"/evox/about":                      {"text/xml", about},
		"/evox/equipment/installedSummary": {"text/xml", summary},
	})}
}
