package detect

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"net"
)

// MurmurVersion stands for nmap's murmur-version: a Murmur (Mumble)
// server answers a 12-byte UDP ping (a zero word and an 8-byte
// identifier) with its version, the identifier, and its user count, user
// limit and bandwidth (Mumble's protocol documentation, "UDP ping"). The
// ping goes to the UDP port of the same number, from a TCP (control)
// port too. The answer is named murmur, product Murmur, the version
// "MAJOR.MINOR.PATCH" and extrainfo "control port" or "voice port" with
// the three counts.
type MurmurVersion struct{}

func (MurmurVersion) Name() string { return "murmur-version" }
func (MurmurVersion) Rule() Rule {
	return Rule{Ports: []int{64738}, Services: []string{"murmur"}, Protos: []string{"tcp", "udp"}, MinIntensity: 7}
}
func (MurmurVersion) Sets() []Field { return []Field{FName, FProduct, FVersion, FInfo} }

func (MurmurVersion) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	dial := env.Dial
	if p.Proto == "tcp" {
		if env.DialUDP == nil {
			return nil, errors.New("murmur-version: no UDP dialer")
		}
		dial = func(ctx context.Context, _ bool) (net.Conn, error) { return env.DialUDP(ctx) }
	}
	conn, err := dialWait(ctx, &Env{Dial: dial, Wait: env.Wait}, false)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	ping := make([]byte, 12)
	rand.Read(ping[4:])
	if _, err := conn.Write(ping); err != nil {
		return nil, err
	}
	buf := make([]byte, 1500)
	for range 8 {
		n, err := conn.Read(buf)
		if err != nil {
			return nil, err
		}
		r, ok := ParseMurmurPong(buf[:n], ping[4:])
		if !ok {
			continue
		}
		where := "voice port"
		if p.Proto == "tcp" {
			where = "control port"
		}
		env.Trace("Service scan detector murmur-version: %s:%d answered the UDP ping", p.Addr, p.Number)
		return &Update{Name: "murmur", Product: "Murmur", Version: r.Version,
			Info: fmt.Sprintf("%s; users: %d; max. users: %d; bandwidth: %d b/s", where, r.Users, r.MaxUsers, r.Bandwidth), Match: Hard}, nil
	}
	return nil, errors.New("murmur-version: no answer to our ping")
}

// MurmurPong is a Murmur server's answer to a UDP ping.
type MurmurPong struct {
	Version                    string
	Users, MaxUsers, Bandwidth uint32
}

// ParseMurmurPong decodes the 24-byte answer to the ping whose
// identifier is ident: version (0, major, minor, patch), the identifier
// again, then users, max users and bandwidth (big-endian words).
func ParseMurmurPong(b, ident []byte) (MurmurPong, bool) {
	if len(b) != 24 || string(b[4:12]) != string(ident) {
		return MurmurPong{}, false
	}
	return MurmurPong{
		Version:   fmt.Sprintf("%d.%d.%d", binary.BigEndian.Uint16(b[0:2]), b[2], b[3]),
		Users:     binary.BigEndian.Uint32(b[12:]),
		MaxUsers:  binary.BigEndian.Uint32(b[16:]),
		Bandwidth: binary.BigEndian.Uint32(b[20:]),
	}, true
}
