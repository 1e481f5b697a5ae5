package detect

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"time"
)

// RFC868Time stands for nmap's rfc868-time: it reads the Time protocol's
// answer (RFC 868: over TCP the server sends four bytes on connect; over
// UDP it answers a datagram), the seconds since 1900-01-01 UTC as a
// 32-bit number, and names the port time with extrainfo "32 bits", a
// hard answer (the fingerprint goes). nmap 7.93 does so for a server
// 3.5 years off that no signature line matched (observed by the walk's
// author) and leaves a matched xinetd time service as it was.
type RFC868Time struct{}

func (RFC868Time) Name() string { return "rfc868-time" }
func (RFC868Time) Rule() Rule {
	return Rule{Ports: []int{37}, Services: []string{"time"}, Protos: []string{"tcp", "udp"}, MinIntensity: 7}
}
func (RFC868Time) Sets() []Field { return []Field{FName, FInfo} }

// rfc868Epoch is the Time protocol's epoch, 1900-01-01 UTC, in Unix time.
const rfc868Epoch = -2208988800

func (RFC868Time) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	conn, err := dialWait(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if p.Proto == "udp" {
		if _, err := conn.Write(nil); err != nil {
			return nil, err
		}
	}
	var b [4]byte
	if _, err := io.ReadFull(conn, b[:]); err != nil {
		return nil, err
	}
	t := time.Unix(int64(binary.BigEndian.Uint32(b[:]))+rfc868Epoch, 0)
	clock := time.Now
	if env.Now != nil {
		clock = env.Now
	}
	off := t.Sub(clock())
	env.Trace("Service scan detector rfc868-time: %s:%d says %s (%s off)", p.Addr, p.Number, t.UTC().Format(time.RFC3339), off)
	if !plausibleTime(off) {
		return nil, errors.New("rfc868-time: not a plausible time")
	}
	return &Update{Name: "time", Info: "32 bits", Match: Hard}, nil
}

// plausibleTime reports whether a server's clock off by off still looks
// like a clock.
func plausibleTime(off time.Duration) bool {
	const year = 365 * 24 * time.Hour
	return off > -rfc868Window*year && off < rfc868Window*year
}

// rfc868Window is how many years off a clock may be.
const rfc868Window = 10
