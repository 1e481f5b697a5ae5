package detect

import (
	"context"
)

// TLSFallback goes beyond nmap (it has no nmap script): when the
// signature walk ends without a hard match on a port listed in some
// probe's sslports, a port that never sent a byte, or one that answered
// only with TLS alerts, it tries a modern TLS handshake and, if it
// succeeds, has the probes walked again inside the tunnel (as nmap's S10
// restart does). Servers that accept only TLS 1.2 and later ignore nmap's
// SSLv3-style probes; nmap reports them from the services table.
// --no-tls-fallback leaves it out.
type TLSFallback struct{}

func (TLSFallback) Name() string  { return "tls-fallback" }
func (TLSFallback) Rule() Rule    { return Rule{Any: true} }
func (TLSFallback) Sets() []Field { return []Field{FTunnel, FRewalk} }

func (TLSFallback) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	if p.Hard || p.Incomplete || p.Service.Tunnel == "ssl" || p.Outcome == "tcpwrapped" || !(p.SSLPort || !p.Replied || p.OnlyAlerts) {
		return nil, nil
	}
	conn, err := env.Dial(ctx, true)
	if err != nil {
		return nil, nil // not TLS: the answer stands
	}
	conn.Close()
	return &Update{Tunnel: "ssl", Rewalk: true}, nil
}
