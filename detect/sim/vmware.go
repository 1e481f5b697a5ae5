package sim

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"

	"github.com/signetscan/signet/serve"
)

// VMware is a VMware ESXi host's web port (443/tcp, TLS): a SOAP POST to
// /sdk calling RetrieveServiceContent (vSphere Web Services API,
// urn:vim25) is answered with the service content, whose "about" element
// (AboutInfo: name, fullName, vendor, version, build, localeVersion,
// localeBuild, osType, productLineId, apiType, apiVersion) says what the
// host runs; GET / gets the host client's landing page. The certificate
// is a throw-away one.
var VMware = VMwareHost{Name: "VMware ESXi", Version: "7.0.3", Build: "21930508", OSType: "vmnix-x86", ProductLine: "embeddedEsx", APIType: "HostAgent", APIVersion: "7.0.3.0"}

func init() {
	Devices["vmware-esxi"] = Device{Doc: "VMware ESXi 7.0.3 host: SOAP /sdk over TLS (443/tcp)", TCP: VMware.Serve}
	vc := VMwareHost{Name: "VMware vCenter Server", Version: "8.0.2", Build: "22617221", OSType: "linux-x64", ProductLine: "vpx", APIType: "VirtualCenter", APIVersion: "8.0.2.0"}
	Devices["vmware-vcenter"] = Device{Doc: "VMware vCenter Server 8.0.2: SOAP /sdk over TLS (443/tcp)", TCP: vc.Serve}
	plain := VMware
	plain.Plain = true
	Devices["vmware-esxi-http"] = Device{Doc: "VMware ESXi SOAP /sdk in clear HTTP (a proxy's back end)", TCP: plain.Serve}
}

// hostCert is the simulated hosts' throw-away certificate, made once.
var hostCert = sync.OnceValues(serve.SelfSigned)

// VMwareHost is the AboutInfo of a host.
type VMwareHost struct {
	Name, Version, Build, OSType, ProductLine, APIType, APIVersion string
	// Plain serves HTTP without TLS.
	Plain bool
}

// Serve answers one connection (after a TLS handshake).
func (h VMwareHost) Serve(c net.Conn) {
	if !h.Plain {
		cert, err := hostCert()
		if err != nil {
			return
		}
		tc := tls.Server(c, &tls.Config{Certificates: []tls.Certificate{*cert}})
		if tc.Handshake() != nil {
			return
		}
		c = tc
	}
	br := bufio.NewReader(io.LimitReader(c, 1<<20))
	for range 8 {
		req, err := http.ReadRequest(br)
		if err != nil {
			return
		}
		body, _ := io.ReadAll(io.LimitReader(req.Body, 64<<10))
		var status, ctype, out string
		switch {
		case req.Method == "POST" && req.URL.Path == "/sdk" && bytes.Contains(body, []byte("RetrieveServiceContent")):
			status, ctype, out = "200 OK", "text/xml; charset=utf-8", h.serviceContent()
		case req.URL.Path == "/":
			status, ctype = "200 OK", "text/html"
			out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta http-equiv=\"refresh\" content=\"0;URL='/ui'\"/>\n</head>\n</html>\n"
		default:
			status, ctype, out = "404 Not Found", "text/plain", ""
		}
		fmt.Fprintf(c, "HTTP/1.1 %s\r\nDate: Sun, 06 Dec 2026 12:00:00 GMT\r\nConnection: Keep-Alive\r\nContent-Type: %s\r\nX-Frame-Options: DENY\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(out), out)
		if strings.EqualFold(req.Header.Get("Connection"), "close") {
			return
		}
	}
}

func (h VMwareHost) serviceContent() string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/"
 xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
 xmlns:xsd="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<soapenv:Body>
<RetrieveServiceContentResponse xmlns="urn:vim25"><returnval><rootFolder type="Folder">ha-folder-root</rootFolder><propertyCollector type="PropertyCollector">ha-property-collector</propertyCollector><about>` +
		`<name>` + h.Name + `</name><fullName>` + h.Name + ` ` + h.Version + ` build-` + h.Build + `</fullName><vendor>VMware, Inc.</vendor>` +
		`<version>` + h.Version + `</version><build>` + h.Build + `</build><localeVersion>INTL</localeVersion><localeBuild>000</localeBuild>` +
		`<osType>` + h.OSType + `</osType><productLineId>` + h.ProductLine + `</productLineId><apiType>` + h.APIType + `</apiType>` +
		`<apiVersion>` + h.APIVersion + `</apiVersion></about></returnval></RetrieveServiceContentResponse>
</soapenv:Body>
</soapenv:Envelope>`
}
