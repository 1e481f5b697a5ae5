package detect

import (
	"context"
	"fmt"
	"regexp"
	"strings"
)

// VMwareVersion stands for nmap's vmware-version: on a web port (the
// same rule as the other HTTP scripts) it calls RetrieveServiceContent
// on the vSphere Web Services API (a SOAP POST to /sdk, urn:vim25), over
// TLS when the port is TLS. When the service content's AboutInfo gives
// a name and a version, the answer becomes product "NAME SOAP API", that
// version, and CPE cpe:/o:vmware:NAME-WITHOUT-"VMware ":VERSION (nmap
// 7.93 writes "cpe:/o:vmware:ESXi:7.0.3", "cpe:/o:vmware:vCenter
// Server:8.0.2"), probed with confidence 10 and its fingerprint dropped;
// the name and tunnel stay.
type VMwareVersion struct{}

func (VMwareVersion) Name() string  { return "vmware-version" }
func (VMwareVersion) Rule() Rule    { return httpRule }
func (VMwareVersion) Sets() []Field { return []Field{FProduct, FVersion, FCPE} }

const retrieveServiceContent = `<?xml version="1.0" encoding="UTF-8"?>` +
	`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
	`<soapenv:Body><RetrieveServiceContent xmlns="urn:vim25"><_this type="ServiceInstance">ServiceInstance</_this></RetrieveServiceContent></soapenv:Body></soapenv:Envelope>`

var (
	aboutName    = regexp.MustCompile(`<about>(?s:.*?)<name>([^<]*)</name>`)
	aboutVersion = regexp.MustCompile(`<about>(?s:.*?)<version>([^<]*)</version>`)
)

func (VMwareVersion) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	req := fmt.Sprintf("POST /sdk HTTP/1.1\r\nHost: %s\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: \"urn:vim25/5.0\"\r\nUser-Agent: signet\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s",
		hostPort(p), len(retrieveServiceContent), retrieveServiceContent)
	resp, err := httpRoundTrip(ctx, env, p.Service.Tunnel == "ssl", []byte(req))
	if err != nil {
		return nil, err
	}
	name, version := aboutName.FindSubmatch(resp.Body), aboutVersion.FindSubmatch(resp.Body)
	if name == nil || version == nil || len(name[1]) == 0 || len(version[1]) == 0 {
		return nil, nil
	}
	n, v := string(name[1]), string(version[1])
	env.Trace("Service scan detector vmware-version: %s:%d is %s %s", p.Addr, p.Number, n, v)
	return &Update{Product: n + " SOAP API", Version: v, CPE: []string{"cpe:/o:vmware:" + strings.TrimPrefix(n, "VMware ") + ":" + v}, Match: Hard}, nil
}

// hostPort is the Host header value for the port: the address, with the
// port when it is not HTTP's or HTTPS's default.
func hostPort(p *Port) string {
	h := p.Addr.String()
	if p.Addr.Is6() {
		h = "[" + h + "]"
	}
	if p.Number == 80 || p.Number == 443 {
		return h
	}
	return fmt.Sprintf("%s:%d", h, p.Number)
}
