package matcher

import (
	"strings"
	"testing"

	"github.com/signetscan/signet/probes"
)

func load(t *testing.T, src string) *Matcher {
	t.Helper()
	db, err := probes.Parse("t.probes", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Resolve(); err != nil {
		t.Fatal(err)
	}
	return New(db)
}

const x1 = `Probe TCP NULL q||
softmatch foo m|^ZZZ|
match hard m|^ZZZ| p/Hard/
match other m|^ABC (\d+)| p/Other/ v/$1/
match lower m|^abc|i p/Lower/
match any m|xyz| p/Any/
Probe TCP P1 q|hello\r\n|
fallback P2
Probe TCP P2 q|p2|
match p2svc m|^P2 (\w+)| v/$1/
Probe UDP U1 q|ping|
Probe TCP P3 q|x|
softmatch p3soft m|^ZZZ|
`

// X1: the first matching line of a probe wins, even a softmatch.
func TestX1FirstLineWins(t *testing.T) {
	m := load(t, x1)
	db := m.DB()
	h := m.Match(db.Null, []byte("ZZZ hello\r\n"))
	if h == nil || h.Line.Service != "foo" || !h.Line.Soft {
		t.Fatalf("got %+v, want softmatch foo", h)
	}
	h = m.Match(db.Null, []byte("ABC 42\r\n"))
	if h == nil || h.Line.Service != "other" || h.Fields.Version != "42" {
		t.Fatalf("got %+v", h)
	}
	// Caseless prefix: the index must offer the line for both cases.
	for _, s := range []string{"abc!", "ABc!", "aBC!"} {
		if h := m.Match(db.Null, []byte(s)); h == nil || (h.Line.Service != "lower" && h.Line.Service != "other") {
			t.Errorf("%q: got %+v", s, h)
		}
	}
	// An unanchored line is tried whatever the first byte is.
	if h := m.Match(db.Null, []byte("..xyz")); h == nil || h.Line.Service != "any" {
		t.Errorf("unanchored: got %+v", h)
	}
	if h := m.Match(db.Null, nil); h != nil {
		t.Errorf("empty reply matched %+v", h)
	}
}

// X2, P12: the chain is the probe, its fallbacks, then NULL for TCP.
func TestX2FallbackChain(t *testing.T) {
	m := load(t, x1)
	p1 := m.DB().Probe(probes.TCP, "P1")
	if h := m.Match(p1, []byte("P2 thing")); h == nil || h.Line.Service != "p2svc" || h.Fields.Version != "thing" {
		t.Fatalf("fallback: got %+v", h)
	}
	if h := m.Match(p1, []byte("ABC 7")); h == nil || h.Line.Service != "other" {
		t.Fatalf("NULL fallback: got %+v", h)
	}
	// A softmatch in the probe itself beats a hard match in the NULL probe.
	p3 := m.DB().Probe(probes.TCP, "P3")
	if h := m.Match(p3, []byte("ZZZ")); h == nil || h.Line.Service != "p3soft" {
		t.Fatalf("own softmatch first: got %+v", h)
	}
}

// S11: UDP probes have no implicit NULL fallback.
func TestS11UDPNoNullFallback(t *testing.T) {
	m := load(t, x1)
	u1 := m.DB().Probe(probes.UDP, "U1")
	if h := m.Match(u1, []byte("ABC 1")); h != nil {
		t.Fatalf("UDP reply matched a NULL line: %+v", h)
	}
}

const s4 = `Probe TCP NULL q||
softmatch smtp m|^220 | h/soft.example/
Probe TCP GetRequest q|GET / HTTP/1.0\r\n\r\n|
ports 2525
match http m|^HTTP/|
Probe TCP GenericLines q|\r\n\r\n|
rarity 1
softmatch smtp m|^220 GL|
Probe TCP Hello q|EHLO\r\n|
rarity 8
match smtp-proxy m|^220 .*\r\n250-Ready| p/PineApp/
match smtp m|^220 nothing-here|
Probe TCP Rare q|r|
rarity 9
match smtp m|^nothing|
Probe TCP Other q|o|
rarity 1
match http m|^x|
`

// S4, X3, E1: after a softmatch only probes that can detect the service are
// sent, whatever their rarity; a hard match keeps the softmatch's fields.
func TestS4SoftmatchNarrowing(t *testing.T) {
	m := load(t, s4)
	db := m.DB()
	s := m.NewSession(2525, probes.TCP, false, 7)
	get, gl, hello, rare, other := db.Probe(probes.TCP, "GetRequest"), db.Probe(probes.TCP, "GenericLines"),
		db.Probe(probes.TCP, "Hello"), db.Probe(probes.TCP, "Rare"), db.Probe(probes.TCP, "Other")
	if why := s.Why(hello); !strings.Contains(why, "rarity 8") {
		t.Errorf("before softmatch, Hello: %q", why)
	}
	if why := s.Why(get); why != "" {
		t.Errorf("port-registered GetRequest: %q", why)
	}
	if _, done := s.Feed(db.Null, []byte("220 Ready\r\n")); done || s.SoftService() != "smtp" {
		t.Fatalf("softmatch not recorded")
	}
	if why := s.Why(get); why == "" {
		t.Errorf("GetRequest cannot detect smtp but would be sent")
	}
	for _, p := range []*probes.Probe{gl, hello, rare} {
		if why := s.Why(p); why != "" {
			t.Errorf("%s after softmatch: %q", p.Name, why)
		}
	}
	if why := s.Why(other); why == "" {
		t.Errorf("Other cannot detect smtp but would be sent")
	}
	h, done := s.Feed(hello, []byte("220 Ready\r\n250-Ready\r\n"))
	if !done || h.Line.Service != "smtp-proxy" {
		t.Fatalf("hard match: %+v", h)
	}
	s.Finish(Running)
	svc := s.Service(nil)
	if svc.Name != "smtp-proxy" || svc.Product != "PineApp" || svc.Hostname != "soft.example" || svc.Conf != 10 || svc.Method != "probed" {
		t.Fatalf("service %+v", svc)
	}
}

// R1: softmatch and no-match outcomes; S10: ssl/ prefix becomes a tunnel.
func TestR1Outcomes(t *testing.T) {
	m := load(t, "Probe TCP NULL q||\nsoftmatch ftp m|^220 |\nmatch ssl/foo m|^TLSFOO|\n")
	db := m.DB()
	s := m.NewSession(21, probes.TCP, false, 7)
	s.Feed(db.Null, []byte("220 hi\r\n"))
	s.Finish(Running)
	if svc := s.Service(nil); svc.Name != "ftp" || svc.Conf != 10 || svc.Method != "probed" {
		t.Errorf("softmatch: %+v", svc)
	}
	s = m.NewSession(5000, probes.TCP, false, 7)
	s.Feed(db.Null, []byte("???"))
	s.Finish(Running)
	svc := s.Service(func(int, probes.Protocol) string { return "upnp" })
	if svc.Name != "upnp" || svc.Conf != 3 || svc.Method != "table" {
		t.Errorf("no match: %+v", svc)
	}
	s = m.NewSession(5001, probes.TCP, false, 7)
	s.Feed(db.Null, []byte("TLSFOO"))
	s.Finish(Running)
	if svc := s.Service(nil); svc.Name != "foo" || svc.Tunnel != "ssl" {
		t.Errorf("ssl/foo: %+v", svc)
	}
}
