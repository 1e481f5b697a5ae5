package detect

import (
	"context"
	"encoding/binary"
	"time"
)

// RFC868Time stands for nmap's rfc868-time: it reads the Time protocol's
// answer (RFC 868: over TCP the server sends four bytes on connect; over
// UDP it answers a datagram), the seconds since 1900-01-01 UTC as a
// 32-bit number. An answer of four bytes gives extrainfo "32 bits", one
// of eight "64 bits", any other length nothing. Only a port the walk
// named time (a time line, or port 37's table guess) is changed: it gets
// that extrainfo as a hard answer, probed with confidence 10 and its
// fingerprint dropped, however far its clock is off (nmap 7.93 lowers its
// script's confidence by a year's error but prints 10; observed on a
// server 3.5 years off that no line matched). A port another line named
// is left as it is.
type RFC868Time struct{}

func (RFC868Time) Name() string { return "rfc868-time" }
func (RFC868Time) Rule() Rule {
	return Rule{Ports: []int{37}, Services: []string{"time"}, Protos: []string{"tcp", "udp"}, MinIntensity: 7}
}
func (RFC868Time) Sets() []Field { return []Field{FName, FInfo} }

// rfc868Epoch is the Time protocol's epoch, 1900-01-01 UTC, in Unix time.
const rfc868Epoch = -2208988800

func (RFC868Time) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	if p.Service.Name != "time" {
		return nil, nil
	}
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
	// What arrives until there are four bytes: a longer first piece is
	// taken whole.
	var got []byte
	buf := make([]byte, 64)
	for len(got) < 4 {
		n, err := conn.Read(buf)
		got = append(got, buf[:n]...)
		if err != nil && len(got) < 4 {
			return nil, err
		}
	}
	var info string
	switch len(got) {
	case 4:
		info = "32 bits"
	case 8:
		info = "64 bits"
	default:
		return nil, nil
	}
	t := time.Unix(int64(binary.BigEndian.Uint32(got))+rfc868Epoch, 0)
	clock := time.Now
	if env.Now != nil {
		clock = env.Now
	}
	env.Trace("Service scan detector rfc868-time: %s:%d says %s (%s off)", p.Addr, p.Number, t.UTC().Format(time.RFC3339), t.Sub(clock()))
	return &Update{Name: "time", Info: info, Match: Hard}, nil
}
