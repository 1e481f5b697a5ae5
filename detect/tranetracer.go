package detect

import (
	"context"
	"fmt"
	"regexp"
)

// HTTPTraneInfo stands for nmap's http-trane-info: on a web port (the
// rule of the other HTTP scripts) it reads the oBIX About object of a
// Trane Tracer SC (GET /evox/about; OASIS oBIX's obix:About, with
// Trane's kernel and hardware fields). When it names a product, the
// answer becomes name http, product productName, version productVersion,
// device type hardwareType and CPE cpe:/h:VENDOR:PRODUCT (as nmap 7.93
// writes it: "cpe:/h:Trane:Tracer SC"), probed with confidence 10 and
// its fingerprint dropped.
type HTTPTraneInfo struct{}

func (HTTPTraneInfo) Name() string  { return "http-trane-info" }
func (HTTPTraneInfo) Rule() Rule    { return httpRule }
func (HTTPTraneInfo) Sets() []Field { return []Field{FName, FProduct, FVersion, FDevice, FCPE} }

var obixStr = regexp.MustCompile(`<str\s+name="([^"]*)"\s+val="([^"]*)"\s*/>`)

func (HTTPTraneInfo) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	req := fmt.Sprintf("GET /evox/about HTTP/1.1\r\nHost: %s\r\nUser-Agent: signet\r\nConnection: close\r\n\r\n", hostPort(p))
	resp, err := httpRoundTrip(ctx, env, p.Service.Tunnel == "ssl", []byte(req))
	if err != nil {
		return nil, err
	}
	if resp.Status != 200 {
		return nil, nil
	}
	about := map[string]string{}
	for _, m := range obixStr.FindAllSubmatch(resp.Body, 64) {
		if _, seen := about[string(m[1])]; !seen {
			about[string(m[1])] = string(m[2])
		}
	}
	product := about["productName"]
	if product == "" {
		return nil, nil
	}
	env.Trace("Service scan detector http-trane-info: %s:%d is %s %s", p.Addr, p.Number, product, about["productVersion"])
	u := &Update{Name: "http", Product: product, Version: about["productVersion"], Device: about["hardwareType"], Match: Hard}
	if v := about["vendorName"]; v != "" {
		u.CPE = []string{"cpe:/h:" + v + ":" + product}
	}
	return u, nil
}
