package detect

import (
	"context"
	"net/url"
	"strconv"
	"strings"
)

// HTTPSRedirect stands for nmap's https-redirect: a web port not known to
// be TLS whose HTTP reply is a redirection (3xx) to https:// on the same
// port of the same host (or no host) is marked as running inside TLS,
// probed with confidence 10; the rest of its answer stays. The replies
// are the fingerprint's GetRequest, HTTPOptions, FourOhFourRequest and
// NULL entries, else a GET of "/" — and when that GET is only answered
// over TLS, the port is TLS at once.
type HTTPSRedirect struct{}

func (HTTPSRedirect) Name() string  { return "https-redirect" }
func (HTTPSRedirect) Rule() Rule    { return httpRule }
func (HTTPSRedirect) Sets() []Field { return []Field{FTunnel} }

var redirectProbes = []string{"GetRequest", "HTTPOptions", "FourOhFourRequest", "NULL"}

func (HTTPSRedirect) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	if p.Service.Tunnel == "ssl" {
		return nil, nil
	}
	var replies [][]byte
	for _, name := range redirectProbes {
		if r := p.Reply(name); r != nil {
			replies = append(replies, r)
		}
	}
	if len(replies) == 0 {
		r, ssl, err := exchange(ctx, env, p, []byte("GET / HTTP/1.0\r\n\r\n"))
		if err != nil {
			return nil, nil
		}
		if ssl {
			return &Update{Tunnel: "ssl", Match: Soft}, nil
		}
		replies = append(replies, r)
	}
	for _, r := range replies {
		if !isHTTPStatus(r, '3') {
			continue
		}
		loc, ok := header(r, "Location")
		if !ok {
			continue
		}
		if sameHTTPS(loc, p) {
			env.Trace("Service scan detector https-redirect: %s:%d redirects to %s", p.Addr, p.Number, loc)
			return &Update{Tunnel: "ssl", Match: Soft}, nil
		}
	}
	return nil, nil
}

// sameHTTPS reports whether loc is an https URL of this port (443 when it
// names none) on this host, or on no host.
func sameHTTPS(loc string, p *Port) bool {
	u, err := url.Parse(loc)
	if err != nil || !strings.EqualFold(u.Scheme, "https") {
		return false
	}
	port := 443
	if ps := u.Port(); ps != "" {
		n, err := strconv.Atoi(ps)
		if err != nil {
			return false
		}
		port = n
	}
	if port != p.Number {
		return false
	}
	host := u.Hostname()
	return host == "" || host == p.Addr.String()
}
