package detect

import (
	"context"
	"fmt"
)

// HTTPServerHeader stands for nmap's http-server-header: on a web port
// whose answer has no product and is only a table guess (conf 3 or
// less), the Server header of the first HTTP reply becomes the product,
// and any HTTP reply makes the answer probed with confidence 10 (the name
// stays; a fingerprint stays). The replies are the fingerprint's
// GetRequest, GenericLines, HTTPOptions, FourOhFourRequest, NULL,
// RTSPRequest, Help and SIPOptions entries, in that order (a GET of "/"
// when the fingerprint has none), then a GET with a Host header.
type HTTPServerHeader struct{}

func (HTTPServerHeader) Name() string  { return "http-server-header" }
func (HTTPServerHeader) Rule() Rule    { return httpRule }
func (HTTPServerHeader) Sets() []Field { return []Field{FProduct} }

// serverHeaderProbes are the fingerprint entries read, in order.
var serverHeaderProbes = []string{"GetRequest", "GenericLines", "HTTPOptions", "FourOhFourRequest", "NULL", "RTSPRequest", "Help", "SIPOptions"}

func (HTTPServerHeader) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	if p.Service.Product != "" || p.Service.Conf > 3 {
		return nil, nil // nmap's script would only print what it saw
	}
	var replies [][]byte
	for _, name := range serverHeaderProbes {
		if r := p.Reply(name); r != nil {
			replies = append(replies, r)
		}
	}
	if len(replies) == 0 {
		r, _, err := exchange(ctx, env, p, []byte("GET / HTTP/1.0\r\n\r\n"))
		if err != nil {
			return nil, nil
		}
		replies = append(replies, r)
	}
	var u *Update
	named := false // a Server header was seen (even an empty one)
	read := func(r []byte) {
		if !isHTTPStatus(r, 0) {
			return
		}
		if u == nil {
			u = &Update{Match: Soft}
		}
		if server, ok := header(r, "Server"); ok && !named {
			u.Product, named = server, true
			env.Trace("Service scan detector http-server-header: %s:%d has Server: %q", p.Addr, p.Number, server)
		}
	}
	for _, r := range replies {
		read(r)
	}
	// The request with a Host header can only name a server no reply did.
	if !named {
		req := fmt.Sprintf("GET / HTTP/1.1\r\nHost: %s\r\n\r\n", p.Addr.String())
		if r, _, err := exchange(ctx, env, p, []byte(req)); err == nil {
			read(r)
		}
	}
	return u, nil
}
