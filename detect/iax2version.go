package detect

import (
	"context"
)

// IAX2Version stands for nmap's iax2-version: on UDP port 4569 it sends
// an IAX2 POKE (RFC 5456: a full frame, frame type 6 IAX control,
// subclass 0x1e) and names the port iax2 — probed with confidence 10,
// its fingerprint dropped, nothing else set — when the first datagram
// back is a 12-byte full frame of IAX control, PONG (subclass 0x03) or
// ACK (0x04).
type IAX2Version struct{}

func (IAX2Version) Name() string { return "iax2-version" }
func (IAX2Version) Rule() Rule {
	return Rule{Ports: []int{4569}, Protos: []string{"udp"}, MinIntensity: 7}
}
func (IAX2Version) Sets() []Field { return []Field{FName} }

// iax2Pong reports whether the first datagram back answers the POKE as
// nmap's script requires: a lone full frame header (12 bytes) of type IAX
// control whose subclass is PONG (0x03) or ACK (0x04).
func iax2Pong(b []byte) bool {
	return len(b) == 12 && b[10] == 6 && (b[11] == 0x03 || b[11] == 0x04)
}

func (IAX2Version) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	// Source call number 0 with the F bit, no destination call, time
	// stamp 0, sequence numbers 0.
	poke := []byte{0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 0x1e}
	reply, err := datagram(ctx, env, poke, func([]byte) bool { return true })
	if err != nil {
		return nil, err
	}
	if !iax2Pong(reply) {
		return nil, nil
	}
	env.Trace("Service scan detector iax2-version: %s:%d answered POKE with PONG", p.Addr, p.Number)
	return &Update{Name: "iax2", Match: Hard}, nil
}
