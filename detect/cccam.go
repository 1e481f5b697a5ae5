package detect

import (
	"context"
	"unicode"
)

// CCcamVersion stands for nmap's cccam-version: on ports 10000, 10001,
// 12000 and 12001 (or a port named cccam) it connects and reads what the
// server sends first. A CCcam server sends exactly 16 random bytes (its
// session seed); when they look random — not text, and at least 10
// distinct byte values — the port is named cccam with version "CCcam DVR
// card sharing system" (nmap 7.93 puts it in the version field), probed
// with confidence 10 and its fingerprint dropped. Like nmap's, the test
// can miss a seed that happens not to look random.
type CCcamVersion struct{}

func (CCcamVersion) Name() string { return "cccam-version" }
func (CCcamVersion) Rule() Rule {
	return Rule{Ports: []int{10000, 10001, 12000, 12001}, Services: []string{"cccam"}, MinIntensity: 7}
}
func (CCcamVersion) Sets() []Field { return []Field{FName, FVersion} }

func (CCcamVersion) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	s, err := dial(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	// The seed comes alone; more in the same reads is another protocol.
	got, _ := s.readUntil(64, func(b []byte) bool { return len(b) >= 16 })
	if len(got) != 16 || !RandomLooking(got) {
		return nil, nil
	}
	env.Trace("Service scan detector cccam-version: %s:%d sent a 16-byte seed", p.Addr, p.Number)
	return &Update{Name: "cccam", Version: "CCcam DVR card sharing system", Match: Hard}, nil
}

// RandomLooking reports whether b looks like random bytes: some byte is
// not printable text, and at least 10 of its byte values differ.
func RandomLooking(b []byte) bool {
	text := true
	seen := map[byte]bool{}
	for _, c := range b {
		seen[c] = true
		if c >= 0x80 || !(unicode.IsPrint(rune(c)) || c == '\r' || c == '\n' || c == '\t') {
			text = false
		}
	}
	return !text && len(seen) >= 10
}
